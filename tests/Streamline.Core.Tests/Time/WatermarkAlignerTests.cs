using Streamline.Core.Time;
using Xunit;

namespace Streamline.Core.Tests.Time;

public sealed class WatermarkAlignerTests
{
    [Fact]
    public void Combined_watermark_is_the_minimum_over_channels()
    {
        var a = new WatermarkAligner(3);
        Assert.False(a.Update(0, 10));
        Assert.False(a.Update(1, 20));
        Assert.Equal(long.MinValue, a.Current);
        Assert.True(a.Update(2, 5));
        Assert.Equal(5, a.Current);
        Assert.True(a.Update(2, 30));
        Assert.Equal(10, a.Current);
    }

    [Fact]
    public void Combined_watermark_never_goes_backwards()
    {
        var a = new WatermarkAligner(2);
        a.Update(0, 10);
        a.Update(1, 10);
        Assert.False(a.Update(0, 3));
        Assert.Equal(10, a.Current);
        Assert.Equal(10, a.ChannelWatermark(0));
        // A channel coming back from idleness behind the others does not pull the watermark back.
        a.SetIdle(1, true);
        a.Update(0, 50);
        Assert.Equal(50, a.Current);
        Assert.False(a.Update(1, 20));
        Assert.Equal(50, a.Current);
    }

    [Fact]
    public void Idle_channels_do_not_hold_back_the_watermark()
    {
        var a = new WatermarkAligner(2);
        a.Update(0, 100);
        Assert.Equal(long.MinValue, a.Current);
        Assert.True(a.SetIdle(1, true));
        Assert.Equal(100, a.Current);
        Assert.True(a.IsIdle(1));
        Assert.False(a.AllIdle);
    }

    [Fact]
    public void A_watermark_makes_an_idle_channel_active_again()
    {
        var a = new WatermarkAligner(2);
        a.SetIdle(1, true);
        a.Update(0, 100);
        a.Update(1, 150);
        Assert.False(a.IsIdle(1));
        a.Update(0, 200);
        Assert.Equal(150, a.Current);
    }

    [Fact]
    public void When_all_channels_are_idle_the_watermark_holds_and_status_is_idle()
    {
        var a = new WatermarkAligner(2);
        a.Update(0, 10);
        a.Update(1, 20);
        Assert.True(a.SetIdle(0, true));
        Assert.Equal(20, a.Current);
        Assert.False(a.SetIdle(1, true));
        Assert.True(a.AllIdle);
        Assert.Equal(20, a.Current);
    }

    [Fact]
    public void At_least_one_channel_is_required()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new WatermarkAligner(0));
        Assert.Equal("channels", e.ParamName);
    }
}
