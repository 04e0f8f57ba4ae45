using Streamline.Core.Operators;
using Streamline.Core.Operators.Window;
using Streamline.Core.Windows;
using Xunit;

namespace Streamline.Core.Tests.Operators.Window;

public sealed class AllowedLatenessTests
{
    private static readonly OutputTag<Ev> Late = new("late");

    private static OperatorHarness<Ev, WindowResult<string, long>> Tumbling10(long lateness) =>
        WindowOperatorFactory.Count(TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(10)), TimeSpan.FromMilliseconds(lateness), Late);

    [Fact]
    public void A_late_but_allowed_record_refires_the_window_with_the_updated_result()
    {
        var h = Tumbling10(5);
        h.Push("a", 1).Push("a", 2);
        h.Watermark(9);
        Assert.Equal(new[] { 2L }, h.DrainValues().Select(r => r.Value));
        h.Push("a", 3);
        Assert.Equal(new[] { 3L }, h.DrainValues().Select(r => r.Value));
        h.Watermark(13);
        Assert.Empty(h.Drain());
        h.Push("a", 4);
        Assert.Equal(new[] { 4L }, h.DrainValues().Select(r => r.Value));
        Assert.Empty(h.DrainSide(Late));
    }

    [Fact]
    public void Records_beyond_the_allowed_lateness_go_to_the_late_output_and_are_counted()
    {
        var h = Tumbling10(5);
        h.Push("a", 1);
        h.Watermark(14);
        Assert.Equal(new[] { 1L }, h.DrainValues().Select(r => r.Value));
        Assert.Equal(0, h.StateEntries);
        h.Push("a", 5).Push("b", 9).Push("a", 15);
        Assert.Equal(new[] { new Ev("a", 5), new Ev("b", 9) }, h.DrainSide(Late).Select(r => r.Value));
        Assert.Equal(2, ((WindowOperator<string, Ev, long, long, WindowResult<string, long>>)h.Operator).LateRecords);
        Assert.Empty(h.Drain());
    }

    [Fact]
    public void A_window_first_created_by_an_allowed_late_record_fires_once()
    {
        var h = Tumbling10(100);
        h.Push("a", 25);
        h.Watermark(50);
        Assert.Equal(new[] { (new TimeWindow(20, 30), 1L) }, h.DrainValues().Select(r => (r.Window, r.Value)));
        h.Push("a", 3); // window [0,10) has no state yet and is within lateness
        Assert.Equal(new[] { (new TimeWindow(0, 10), 1L) }, h.DrainValues().Select(r => (r.Window, r.Value)));
        h.Watermark(60);
        Assert.Empty(h.Drain());
        h.Watermark(long.MaxValue);
        Assert.Empty(h.Drain());
        Assert.Equal(0, h.StateEntries);
    }

    [Fact]
    public void A_session_extended_by_an_allowed_late_record_fires_once_per_update()
    {
        var h = WindowOperatorFactory.Count(EventTimeSessionWindows.WithGap(TimeSpan.FromMilliseconds(10)), TimeSpan.FromMilliseconds(100), Late);
        h.Push("a", 0);
        h.Watermark(20);
        Assert.Equal(new[] { (new TimeWindow(0, 10), 1L) }, h.DrainValues().Select(r => (r.Window, r.Value)));
        h.Push("a", 5);
        Assert.Equal(new[] { (new TimeWindow(0, 15), 2L) }, h.DrainValues().Select(r => (r.Window, r.Value)));
        h.Watermark(30);
        Assert.Empty(h.Drain());
        h.Watermark(long.MaxValue);
        Assert.Empty(h.Drain());
        Assert.Equal(0, h.StateEntries);
    }

    [Fact]
    public void A_repeated_session_start_fires_the_session_once()
    {
        var h = WindowOperatorFactory.Count(EventTimeSessionWindows.WithGap(TimeSpan.FromMilliseconds(10)), TimeSpan.FromMilliseconds(100), Late);
        h.Push("a", 0).Push("a", 0);
        h.Watermark(9);
        Assert.Equal(new[] { (new TimeWindow(0, 10), 2L) }, h.DrainValues().Select(r => (r.Window, r.Value)));
        h.Watermark(long.MaxValue);
        Assert.Empty(h.Drain());
        Assert.Equal(0, h.StateEntries);
    }
}
