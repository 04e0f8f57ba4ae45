using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Streamline.Core.Windows;
using Xunit;

namespace Streamline.Core.Tests.Windows;

public sealed class WindowAssignmentTests
{
    private static long Mod(long a, long m) => ((a % m) + m) % m;

    /// <summary>Timestamps across zero (negative = before the epoch), up to ±2^40 ms.</summary>
    private static readonly Gen<long> Timestamps =
        Gen.Choose(-1_000_000, 1_000_000).SelectMany(hi => Gen.Choose(-1_000_000, 1_000_000).Select(lo => (long)hi * 1_000_000 + lo));

    private static readonly Arbitrary<(long Ts, long Size, long Offset)> Tumbling =
        (from ts in Timestamps
         from size in Gen.Choose(1, 100_000)
         from offset in Gen.Choose(-size + 1, size - 1)
         select (Ts: ts, Size: (long)size, Offset: (long)offset)).ToArbitrary();

    private static readonly Arbitrary<(long Ts, long Size, long Slide, long Offset)> Sliding =
        (from ts in Timestamps
         from slide in Gen.Choose(1, 500)
         from size in Gen.Choose(slide, slide * 6)
         from offset in Gen.Choose(-slide + 1, slide - 1)
         select (Ts: ts, Size: (long)size, Slide: (long)slide, Offset: (long)offset)).ToArbitrary();

    [Property]
    public Property Every_timestamp_is_in_exactly_one_aligned_tumbling_window_containing_it() =>
        Prop.ForAll(Tumbling, c =>
        {
            var assigner = TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(c.Size), TimeSpan.FromMilliseconds(c.Offset));
            var windows = new TimeWindow[assigner.MaxWindowsPerRecord];
            if (assigner.AssignWindows(c.Ts, windows) != 1) return false;
            var w = windows[0];
            var neighbours = new TimeWindow[1];
            assigner.AssignWindows(w.Start, neighbours);
            var sameAtStart = neighbours[0] == w;
            assigner.AssignWindows(w.MaxTimestamp, neighbours);
            var sameAtEnd = neighbours[0] == w;
            assigner.AssignWindows(w.End, neighbours);
            var nextStartsAtEnd = neighbours[0].Start == w.End;
            return w.Start <= c.Ts && c.Ts < w.End && w.End - w.Start == c.Size && Mod(w.Start - c.Offset, c.Size) == 0
                && sameAtStart && sameAtEnd && nextStartsAtEnd;
        });

    [Property]
    public Property Every_timestamp_is_in_every_aligned_sliding_window_containing_it_and_no_other() =>
        Prop.ForAll(Sliding, c =>
        {
            var assigner = SlidingEventTimeWindows.Of(TimeSpan.FromMilliseconds(c.Size), TimeSpan.FromMilliseconds(c.Slide), TimeSpan.FromMilliseconds(c.Offset));
            var buffer = new TimeWindow[assigner.MaxWindowsPerRecord];
            var n = assigner.AssignWindows(c.Ts, buffer);
            var actual = buffer.Take(n).ToHashSet();
            var expected = new HashSet<TimeWindow>();
            for (var start = c.Ts - c.Size + 1; start <= c.Ts; start++)
                if (Mod(start - c.Offset, c.Slide) == 0) expected.Add(new TimeWindow(start, start + c.Size));
            return actual.Count == n && actual.SetEquals(expected)
                && (c.Size % c.Slide != 0 || n == c.Size / c.Slide);
        });

    [Theory]
    [InlineData(-1, -10, 0)]
    [InlineData(-10, -10, 0)]
    [InlineData(-11, -20, -10)]
    [InlineData(0, 0, 10)]
    [InlineData(9, 0, 10)]
    public void Tumbling_windows_floor_negative_timestamps_towards_minus_infinity(long ts, long start, long end)
    {
        var windows = new TimeWindow[1];
        TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(10)).AssignWindows(ts, windows);
        Assert.Equal(new TimeWindow(start, end), windows[0]);
    }

    [Fact]
    public void Tumbling_offset_shifts_window_starts()
    {
        var windows = new TimeWindow[1];
        var assigner = TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(3));
        assigner.AssignWindows(2, windows);
        Assert.Equal(new TimeWindow(-7, 3), windows[0]);
        assigner.AssignWindows(3, windows);
        Assert.Equal(new TimeWindow(3, 13), windows[0]);
    }

    [Fact]
    public void Sliding_windows_of_a_negative_timestamp_include_the_one_across_zero()
    {
        var assigner = SlidingEventTimeWindows.Of(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5));
        var windows = new TimeWindow[assigner.MaxWindowsPerRecord];
        var n = assigner.AssignWindows(-1, windows);
        Assert.Equal(new[] { new TimeWindow(-10, 0), new TimeWindow(-5, 5) }, windows.Take(n).OrderBy(w => w.Start));
    }

    [Fact]
    public void A_session_window_spans_the_gap_after_its_record()
    {
        var windows = new TimeWindow[1];
        var assigner = EventTimeSessionWindows.WithGap(TimeSpan.FromMilliseconds(30));
        Assert.Equal(1, assigner.AssignWindows(-5, windows));
        Assert.Equal(new TimeWindow(-5, 25), windows[0]);
        Assert.True(assigner.IsMerging);
    }
}
