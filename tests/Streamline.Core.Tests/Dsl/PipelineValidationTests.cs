using Streamline.Core.Dsl;
using Streamline.Core.Windows;
using Xunit;

namespace Streamline.Core.Tests.Dsl;

public sealed class PipelineValidationTests
{
    public sealed record Click(string User, long Time);

    /// <summary>Equality by reference: unusable as a key.</summary>
    public sealed class SessionId(string id)
    {
        public string Id { get; } = id;
    }

    private static DataStream<Click> Clicks(PipelineBuilder p) => p.FromCollection(new[] { new Click("a", 1) });

    [Fact]
    public void A_pipeline_without_a_sink_is_rejected_by_name()
    {
        var p = PipelineBuilder.Create("no-sink");
        Clicks(p).Map(c => c.User);
        var e = Assert.Throws<InvalidOperationException>(() => p.Build());
        Assert.Contains("'no-sink' has no sink", e.Message);
    }

    [Fact]
    public void Duplicate_operator_names_are_rejected_naming_the_name()
    {
        var p = PipelineBuilder.Create("dupes");
        var clicks = Clicks(p);
        clicks.Map(c => c.User).Named("users").ToCollection();
        clicks.Map(c => c.Time).Named("users").ToCollection();
        var e = Assert.Throws<InvalidOperationException>(() => p.Build());
        Assert.Contains("'users' is used 2 times", e.Message);
    }

    [Fact]
    public void A_key_type_with_reference_equality_is_rejected_naming_the_type()
    {
        var p = PipelineBuilder.Create("keys");
        var e = Assert.Throws<ArgumentException>(() => Clicks(p).KeyBy(c => new SessionId(c.User)));
        Assert.Equal("keySelector", e.ParamName);
        Assert.Contains("SessionId uses reference equality", e.Message);
    }

    [Fact]
    public void Records_strings_and_numbers_are_accepted_as_keys()
    {
        var p = PipelineBuilder.Create("keys");
        var clicks = Clicks(p);
        clicks.KeyBy(c => c.User);
        clicks.KeyBy(c => c.Time);
        clicks.KeyBy(c => c);
        clicks.KeyBy(c => (c.User, c.Time));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Operator_parallelism_below_one_is_rejected_naming_the_operator(int parallelism)
    {
        var p = PipelineBuilder.Create("par");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Clicks(p).Map(c => c.User).Named("upper").WithParallelism(parallelism));
        Assert.Equal("parallelism", e.ParamName);
        Assert.Contains("'upper'", e.Message);
        Assert.Equal(parallelism, e.ActualValue);
    }

    [Fact]
    public void Pipeline_default_parallelism_below_one_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PipelineBuilder.Create("p", defaultParallelism: 0));
        Assert.Equal("defaultParallelism", e.ParamName);
    }

    [Fact]
    public void Operator_parallelism_above_max_parallelism_is_rejected_at_build()
    {
        var p = PipelineBuilder.Create("par", maxParallelism: 4);
        Clicks(p).Map(c => c.User).Named("upper").WithParallelism(5).ToCollection();
        var e = Assert.Throws<InvalidOperationException>(() => p.Build());
        Assert.Contains("'upper': parallelism 5", e.Message);
    }

    [Fact]
    public void MapAsync_needs_at_least_one_call_in_flight()
    {
        var p = PipelineBuilder.Create("async");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Clicks(p).MapAsync(0, c => Task.FromResult(c.User)));
        Assert.Equal("parallelism", e.ParamName);
    }

    [Fact]
    public void Negative_allowed_lateness_is_rejected_naming_it()
    {
        var p = PipelineBuilder.Create("late");
        var windowed = Clicks(p).KeyBy(c => c.User).Window(TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(1)));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => windowed.AllowedLateness(TimeSpan.FromSeconds(-1)));
        Assert.Equal("lateness", e.ParamName);
        Assert.Contains("allowed lateness must be zero or positive", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    public void Pipeline_names_must_be_safe_identifiers(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => PipelineBuilder.Create(name));
        Assert.Equal("name", e.ParamName);
    }
}
