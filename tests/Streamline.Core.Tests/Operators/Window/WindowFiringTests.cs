using Streamline.Core.Windows;
using Xunit;

namespace Streamline.Core.Tests.Operators.Window;

public sealed class WindowFiringTests
{
    private static TumblingEventTimeWindows Tumbling(long ms) => TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(ms));

    [Fact]
    public void A_tumbling_window_fires_when_the_watermark_reaches_its_last_timestamp_and_not_before()
    {
        var h = WindowOperatorFactory.Count(Tumbling(10));
        h.Push("a", 0).Push("a", 5).Push("b", 3).Push("a", 9).Push("a", 10);
        h.Watermark(8);
        Assert.Empty(h.Drain());
        h.Watermark(9);
        var fired = h.Drain();
        Assert.Equal(
            new[] { new WindowResult<string, long>("a", new TimeWindow(0, 10), 3), new WindowResult<string, long>("b", new TimeWindow(0, 10), 1) },
            fired.Select(r => r.Value).OrderBy(r => r.Key));
        Assert.All(fired, r => Assert.Equal(9, r.Timestamp));
        h.Watermark(18);
        Assert.Empty(h.Drain());
        h.Watermark(19);
        Assert.Equal(new[] { new WindowResult<string, long>("a", new TimeWindow(10, 20), 1) }, h.DrainValues());
    }

    [Fact]
    public void Fired_windows_leave_no_state_behind()
    {
        var h = WindowOperatorFactory.Count(Tumbling(10));
        for (var i = 0; i < 100; i++) h.Push($"k{i % 7}", i);
        Assert.True(h.StateEntries > 0);
        h.Watermark(49);
        Assert.Equal(7 * 5, h.Drain().Count);
        Assert.Equal(7 * 5, h.StateEntries);
        h.Watermark(99);
        Assert.Equal(7 * 5, h.Drain().Count);
        Assert.Equal(0, h.StateEntries);
    }

    [Fact]
    public void Each_sliding_window_fires_once_with_its_own_count()
    {
        var h = WindowOperatorFactory.Count(SlidingEventTimeWindows.Of(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5)));
        h.Push("a", 1).Push("a", 6).Push("a", 12);
        h.Watermark(4);
        Assert.Equal(new[] { (new TimeWindow(-5, 5), 1L) }, h.DrainValues().Select(r => (r.Window, r.Value)));
        h.Watermark(9);
        Assert.Equal(new[] { (new TimeWindow(0, 10), 2L) }, h.DrainValues().Select(r => (r.Window, r.Value)));
        h.Watermark(long.MaxValue);
        Assert.Equal(new[] { (new TimeWindow(5, 15), 2L), (new TimeWindow(10, 20), 1L) }, h.DrainValues().Select(r => (r.Window, r.Value)).OrderBy(x => x.Window.Start));
        Assert.Equal(0, h.StateEntries);
    }

    [Fact]
    public void Windows_fire_in_end_time_order_across_keys()
    {
        var h = WindowOperatorFactory.Count(Tumbling(10));
        h.Push("b", 25).Push("a", 5).Push("c", 15);
        h.Watermark(100);
        Assert.Equal(new[] { "a", "c", "b" }, h.DrainValues().Select(r => r.Key));
    }

    [Fact]
    public void A_record_behind_the_watermark_without_lateness_is_late_and_counted()
    {
        var late = new Streamline.Core.Operators.OutputTag<Ev>("late");
        var h = WindowOperatorFactory.Count(Tumbling(10), lateTag: late);
        h.Push("a", 3);
        h.Watermark(9);
        h.Drain();
        h.Push("a", 7);
        Assert.Empty(h.Drain());
        Assert.Equal(new[] { new Ev("a", 7) }, h.DrainSide(late).Select(r => r.Value));
        Assert.Equal(0, h.StateEntries);
    }

    [Fact]
    public void Windows_restored_from_a_snapshot_fire_when_the_watermark_passes()
    {
        var h = WindowOperatorFactory.Count(Tumbling(10));
        h.Push("a", 1).Push("a", 2).Push("b", 15);
        var snapshot = h.Backend!.Snapshot();

        var atOpen = WindowOperatorFactory.Count(Tumbling(10), restore: snapshot);
        atOpen.Push("a", 3);
        atOpen.Watermark(long.MaxValue);
        Assert.Equal(new[] { ("a", 3L), ("b", 1L) }, atOpen.DrainValues().Select(r => (r.Key, r.Value)).OrderBy(x => x.Key));

        var running = WindowOperatorFactory.Count(Tumbling(10));
        running.Backend!.Restore(snapshot);
        running.Watermark(9);
        Assert.Equal(new[] { ("a", 2L) }, running.DrainValues().Select(r => (r.Key, r.Value)));
    }
}
