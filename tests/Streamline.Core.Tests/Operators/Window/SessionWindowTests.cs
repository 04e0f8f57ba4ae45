using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Streamline.Core.Windows;
using Xunit;

namespace Streamline.Core.Tests.Operators.Window;

public sealed class SessionWindowTests
{
    private static OperatorHarness<Ev, WindowResult<string, long>> Sessions(long gap) =>
        WindowOperatorFactory.Count(EventTimeSessionWindows.WithGap(TimeSpan.FromMilliseconds(gap)));

    [Fact]
    public void Session_windows_merge_when_a_late_record_bridges_the_gap()
    {
        var h = Sessions(10);
        h.Push("a", 0).Push("a", 25);
        h.Push("a", 8); // [8,18) overlaps [0,10)
        h.Push("a", 17); // [17,27) overlaps [0,18) and [25,35)
        h.Watermark(33);
        Assert.Empty(h.Drain());
        h.Watermark(34);
        Assert.Equal(new[] { new WindowResult<string, long>("a", new TimeWindow(0, 35), 4) }, h.DrainValues());
        Assert.Equal(0, h.StateEntries);
    }

    [Fact]
    public void A_record_a_full_gap_after_the_last_one_starts_a_new_session()
    {
        var h = Sessions(10);
        h.Push("a", 0).Push("a", 9).Push("a", 19);
        h.Watermark(long.MaxValue);
        Assert.Equal(
            new[] { (new TimeWindow(0, 19), 2L), (new TimeWindow(19, 29), 1L) },
            h.DrainValues().Select(r => (r.Window, r.Value)).OrderBy(x => x.Window.Start));
    }

    [Fact]
    public void Sessions_of_different_keys_never_merge()
    {
        var h = Sessions(10);
        h.Push("a", 0).Push("b", 5).Push("a", 8);
        h.Watermark(long.MaxValue);
        Assert.Equal(
            new[] { ("a", new TimeWindow(0, 18), 2L), ("b", new TimeWindow(5, 15), 1L) },
            h.DrainValues().Select(r => (r.Key, r.Window, r.Value)).OrderBy(x => x.Key));
    }

    /// <summary>Reference: sort each key's timestamps and split wherever the next one is a full gap away.</summary>
    private static HashSet<(string, TimeWindow, long)> Reference(IEnumerable<Ev> events, long gap)
    {
        var result = new HashSet<(string, TimeWindow, long)>();
        foreach (var key in events.GroupBy(e => e.Key))
        {
            var times = key.Select(e => e.Time).Order().ToList();
            var start = times[0];
            var count = 1L;
            for (var i = 1; i < times.Count; i++)
            {
                if (times[i] - times[i - 1] >= gap)
                {
                    result.Add((key.Key, new TimeWindow(start, times[i - 1] + gap), count));
                    start = times[i];
                    count = 0;
                }
                count++;
            }
            result.Add((key.Key, new TimeWindow(start, times[^1] + gap), count));
        }
        return result;
    }

    private static readonly Arbitrary<(List<Ev> Events, long Gap)> Inputs =
        (from gap in Gen.Choose(1, 30)
         from events in Gen.NonEmptyListOf(
             from key in Gen.Elements("a", "b", "c")
             from time in Gen.Choose(-200, 200)
             select new Ev(key, time))
         select (Events: events.ToList(), Gap: (long)gap)).ToArbitrary();

    [Property]
    public Property Sessions_of_records_in_any_order_equal_sort_and_split() =>
        Prop.ForAll(Inputs, input =>
        {
            var h = Sessions(input.Gap);
            foreach (var e in input.Events) h.Push(e.Key, e.Time);
            h.Watermark(long.MaxValue);
            var actual = h.DrainValues().Select(r => (r.Key, r.Window, r.Value)).ToList();
            return actual.Count == actual.Distinct().Count()
                && actual.ToHashSet().SetEquals(Reference(input.Events, input.Gap))
                && h.StateEntries == 0;
        });

    [Property]
    public Property Sessions_fired_by_advancing_watermarks_equal_sort_and_split() =>
        Prop.ForAll(Inputs, input =>
        {
            // In event-time order with the watermark right behind each record: sessions fire mid-stream.
            var h = Sessions(input.Gap);
            foreach (var e in input.Events.OrderBy(e => e.Time))
            {
                h.Push(e.Key, e.Time);
                h.Watermark(e.Time - 1);
            }
            h.Watermark(long.MaxValue);
            var actual = h.DrainValues().Select(r => (r.Key, r.Window, r.Value)).ToList();
            return actual.Count == actual.Distinct().Count() && actual.ToHashSet().SetEquals(Reference(input.Events, input.Gap));
        });
}
