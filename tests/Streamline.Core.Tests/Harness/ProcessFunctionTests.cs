using Streamline.Core.Dsl;
using Streamline.Core.Operators;
using Streamline.Core.Operators.Process;
using Streamline.Core.Sinks;
using Streamline.Core.Sources;
using Streamline.Testing;
using Xunit;

namespace Streamline.Core.Tests.Harness;

public sealed class ProcessFunctionTests
{
    private static readonly OutputTag<string> Rejects = new("rejects");

    /// <summary>Splits valid numbers from rejects in one pass.</summary>
    private sealed class ParseOrReject : ProcessFunction<string, int>
    {
        public override void ProcessElement(string value, ProcessContext<int> ctx)
        {
            if (int.TryParse(value, out var n)) ctx.Emit(n);
            else ctx.EmitTo(Rejects, $"not a number: '{value}'");
        }
    }

    [Fact]
    public void A_process_function_splits_a_stream_into_main_and_side_outputs()
    {
        var p = PipelineBuilder.Create("split");
        var parsed = p.Source(new CollectionSource<string>(Array.Empty<string>()), "lines").Process(new ParseOrReject(), Rejects);
        parsed.To(new CollectionSink<int>(), "numbers");
        parsed.SideOutput(Rejects).To(new CollectionSink<string>(), "rejects");
        var seen = new List<int>();
        parsed.ForEach(seen.Add, "for-each");
        using var driver = new PipelineTestDriver(p.Build());

        driver.Input<string>("lines").Push("1", 0).Push("one", 0).Push("2", 0);

        Assert.Equal(new[] { 1, 2 }, driver.Output<int>("numbers").ReadValues());
        Assert.Equal(new[] { "not a number: 'one'" }, driver.Output<string>("rejects").ReadValues());
    }
}
