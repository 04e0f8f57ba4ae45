using Streamline.Core.Windows;
using Xunit;

namespace Streamline.Core.Tests.Windows;

public sealed class WindowDefinitionValidationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_tumbling_window_needs_a_positive_size(int ms)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(ms)));
        Assert.Equal("size", e.ParamName);
        Assert.Contains("size must be positive", e.Message);
    }

    [Fact]
    public void A_sub_millisecond_window_size_is_rejected_rather_than_rounded_to_zero()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TumblingEventTimeWindows.Of(TimeSpan.FromTicks(5_000)));
        Assert.Equal("size", e.ParamName);
        Assert.Contains("at least 1 ms", e.Message);
    }

    [Fact]
    public void A_tumbling_offset_must_be_smaller_than_the_size()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));
        Assert.Equal("offset", e.ParamName);
        Assert.Contains("00:00:10", e.Message);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-10, 1)]
    [InlineData(10, 0)]
    [InlineData(10, -1)]
    public void A_sliding_window_needs_a_positive_size_and_slide(int size, int slide)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SlidingEventTimeWindows.Of(TimeSpan.FromMilliseconds(size), TimeSpan.FromMilliseconds(slide)));
        Assert.Equal(size <= 0 ? "size" : "slide", e.ParamName);
        Assert.Contains("must be positive", e.Message);
    }

    [Fact]
    public void A_slide_larger_than_the_size_is_rejected_naming_both()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SlidingEventTimeWindows.Of(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6)));
        Assert.Equal("slide", e.ParamName);
        Assert.Contains("00:00:05", e.Message);
        Assert.Contains("00:00:06", e.Message);
    }

    [Fact]
    public void A_session_gap_must_be_positive()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => EventTimeSessionWindows.WithGap(TimeSpan.Zero));
        Assert.Equal("gap", e.ParamName);
        Assert.Contains("gap must be positive", e.Message);
    }
}
