using Streamline.Core.Dsl;
using Streamline.Core.Graph;
using Streamline.Core.Operators.Process;
using Streamline.Core.Sinks;
using Streamline.Core.Sources;
using Streamline.Core.Time;
using Streamline.Core.Windows;
using Streamline.Testing;
using Xunit;

namespace Streamline.Core.Tests.Harness;

/// <summary>The embedded harness as a pipeline author uses it: the example in the README.</summary>
public sealed class PipelineTestDriverTests
{
    public sealed record Click(string User, string Page, long Time);

    /// <summary>Counts clicks per user; alerts when a user goes quiet for a minute of processing time.</summary>
    private sealed class QuietUserAlert : KeyedProcessFunction<string, Click, string>
    {
        public override void ProcessElement(Click value, KeyedProcessContext<string, string> ctx)
        {
            var count = ctx.GetValueState<long>("clicks");
            count.Value++;
            ctx.RegisterProcessingTimeTimer(ctx.CurrentProcessingTime + 60_000);
        }

        public override void OnTimer(long timestamp, TimeDomain domain, KeyedProcessContext<string, string> ctx) =>
            ctx.Emit($"{ctx.CurrentKey} quiet after {ctx.GetValueState<long>("clicks").Value} clicks");
    }

    private static PipelineDefinition ClickPipeline()
    {
        var p = PipelineBuilder.Create("clicks");
        var clicks = p.Source(new CollectionSource<Click>(Array.Empty<Click>(),
            WatermarkStrategy<Click>.ForBoundedOutOfOrderness(TimeSpan.FromSeconds(5)).WithTimestampAssigner(c => c.Time)), "clicks");
        clicks.KeyBy(c => c.User).Window(TumblingEventTimeWindows.Of(TimeSpan.FromMinutes(1))).Count().To(new CollectionSink<WindowResult<string, long>>(), "per-minute");
        clicks.KeyBy(c => c.User).Process(new QuietUserAlert()).Named("quiet").To(new CollectionSink<string>(), "alerts");
        return p.Build();
    }

    [Fact]
    public void A_window_fires_once_the_watermark_passes_its_end()
    {
        using var driver = new PipelineTestDriver(ClickPipeline());
        var clicks = driver.Input<Click>("clicks");
        var perMinute = driver.Output<WindowResult<string, long>>("per-minute");

        clicks.Push(new Click("ann", "/", 1_000), 1_000).Push(new Click("ann", "/a", 30_000), 30_000).Push(new Click("bob", "/", 59_000), 59_000);
        Assert.Empty(perMinute.ReadValues());

        // 5 s out-of-orderness: a record at 65 s moves the watermark to 59.999 s, closing [0, 60 s).
        clicks.Push(new Click("bob", "/b", 65_000), 65_000);
        var fired = perMinute.ReadValues().OrderBy(r => r.Key).ToList();
        Assert.Equal(new[] { ("ann", 2L), ("bob", 1L) }, fired.Select(r => (r.Key, r.Value)));
        Assert.All(fired, r => Assert.Equal(new TimeWindow(0, 60_000), r.Window));
    }

    [Fact]
    public void Processing_time_timers_fire_when_virtual_time_advances_and_state_is_inspectable()
    {
        using var driver = new PipelineTestDriver(ClickPipeline());
        var clicks = driver.Input<Click>("clicks");
        var alerts = driver.Output<string>("alerts");

        clicks.Push(new Click("ann", "/", 1_000), 1_000).Push(new Click("ann", "/x", 2_000), 2_000);
        Assert.True(driver.TryGetState<string, long>("quiet", "clicks", "ann", out var count));
        Assert.Equal(2, count);

        driver.AdvanceProcessingTime(TimeSpan.FromSeconds(59));
        Assert.Empty(alerts.ReadValues());
        driver.AdvanceProcessingTime(TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { "ann quiet after 2 clicks" }, alerts.ReadValues());
    }

    [Fact]
    public void A_failing_user_function_sends_the_record_to_dead_letters_and_the_stream_goes_on()
    {
        var p = PipelineBuilder.Create("parse");
        p.Source(new CollectionSource<string>(Array.Empty<string>()), "lines")
            .Map(int.Parse).Named("parse")
            .To(new CollectionSink<int>(), "numbers");
        using var driver = new PipelineTestDriver(p.Build());

        driver.Input<string>("lines").Push("1", 0).Push("x", 0).Push("3", 0);

        Assert.Equal(new[] { 1, 3 }, driver.Output<int>("numbers").ReadValues());
        var dead = Assert.Single(driver.UnhandledDeadLetters);
        Assert.Equal("parse", dead.Origin);
        Assert.Contains("FormatException", dead.Reason);
        Assert.Contains("x", dead.Reason);
    }
}
