using Streamline.Core.Time;
using Xunit;

namespace Streamline.Core.Tests.Time;

public sealed class BoundedOutOfOrdernessWatermarksTests
{
    [Fact]
    public void Before_any_event_the_watermark_is_the_minimum()
    {
        Assert.Equal(long.MinValue, new BoundedOutOfOrdernessWatermarks(0).CurrentWatermark);
        Assert.Equal(long.MinValue, new BoundedOutOfOrdernessWatermarks(5_000).CurrentWatermark);
    }

    [Fact]
    public void Watermark_is_max_timestamp_minus_delay_minus_one_and_never_goes_back()
    {
        var w = new BoundedOutOfOrdernessWatermarks(10);
        w.OnEvent(100);
        Assert.Equal(89, w.CurrentWatermark);
        w.OnEvent(50);
        Assert.Equal(89, w.CurrentWatermark);
        w.OnEvent(120);
        Assert.Equal(109, w.CurrentWatermark);
    }

    [Fact]
    public void A_record_exactly_max_out_of_orderness_behind_is_still_on_time()
    {
        var w = new BoundedOutOfOrdernessWatermarks(10);
        w.OnEvent(100);
        Assert.True(90 > w.CurrentWatermark);
    }

    [Fact]
    public void Negative_timestamps_produce_negative_watermarks()
    {
        var w = new BoundedOutOfOrdernessWatermarks(0);
        w.OnEvent(-1_000);
        Assert.Equal(-1_001, w.CurrentWatermark);
    }

    [Fact]
    public void Strategy_rejects_negative_out_of_orderness_naming_it()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => WatermarkStrategy<int>.ForBoundedOutOfOrderness(TimeSpan.FromSeconds(-1)));
        Assert.Equal("maxOutOfOrderness", e.ParamName);
    }

    [Fact]
    public void Strategy_generator_uses_the_configured_delay_and_timestamp_assigner()
    {
        var strategy = WatermarkStrategy<(string, long)>.ForBoundedOutOfOrderness(TimeSpan.FromSeconds(2)).WithTimestampAssigner(x => x.Item2);
        var generator = strategy.CreateGenerator();
        generator.OnEvent(strategy.ExtractTimestamp(("a", 10_000), 0));
        Assert.Equal(7_999, generator.CurrentWatermark);
    }
}
