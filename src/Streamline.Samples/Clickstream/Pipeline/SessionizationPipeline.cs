using System.IO.Hashing;
using System.Text;
using Streamline.Core.Dsl;
using Streamline.Core.Operators;
using Streamline.Core.Time;
using Streamline.Core.Windows;

namespace Streamline.Samples.Clickstream.Pipeline;

/// <summary>
/// Clickstream analytics on a stream of page views with event-time timestamps:
/// <code>
/// views ─┬─ keyBy(user) session windows (gap, allowed lateness) ─ SessionAggregate ────────────▶ Sessions
///        ├─ keyBy(page|salt) tumbling count (phase 1) ─ keyBy(page) tumbling sum (phase 2) ──▶ PageCounts
///        └─ keyBy(user) BotDetectionFunction (event-time timers) ─────────────────────────────▶ BotAlerts
/// </code>
/// The page count is two-phase so a hot page is spread over <c>salt-buckets</c> keys (and so instances) in
/// phase 1; phase 2 adds at most that many partials per page and window, so the sum is the exact count.
/// Phase 1 has no allowed lateness on purpose: a late re-fire would emit the partial's new total and phase 2
/// would add it to the old one. Late views go to <see cref="ClickstreamStreams.LateForPageCounts"/> instead.
/// </summary>
public static class SessionizationPipeline
{
    public static readonly OutputTag<PageView> LateForSessions = new("late-for-sessions");

    public static readonly OutputTag<PageView> LateForPageCounts = new("late-for-page-counts");

    /// <summary>Event time from <see cref="PageView.EventTime"/>, watermarks with the configured out-of-orderness.</summary>
    public static WatermarkStrategy<PageView> Watermarks(ClickstreamSettings settings) =>
        WatermarkStrategy<PageView>.ForBoundedOutOfOrderness(settings.MaxOutOfOrderness).WithTimestampAssigner(v => v.EventTime.ToUnixTimeMilliseconds());

    public static ClickstreamStreams Build(DataStream<PageView> views, ClickstreamSettings settings)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        var sessions = views
            .KeyBy(v => v.UserId)
            .Window(EventTimeSessionWindows.WithGap(settings.SessionGap))
            .AllowedLateness(settings.AllowedLateness)
            .SideOutputLateData(LateForSessions)
            .Aggregate(new SessionAggregate(), (user, _, acc) => SessionAggregate.Summarize(user, acc))
            .Named("sessions");

        var buckets = settings.PageCountSaltBuckets;
        var window = TumblingEventTimeWindows.Of(settings.PageCountWindow);
        var partials = views
            .KeyBy(v => SaltedKey(v.Page, Salt(v.UserId, buckets)))
            .Window(window)
            .SideOutputLateData(LateForPageCounts)
            .Aggregate(Aggregates.Count<PageView>(), (key, w, count) => ToPartial(key, w, count))
            .Named("page-counts-partial");

        // A partial is timestamped at its window's last millisecond, so it lands in the same window here.
        var pageCounts = partials
            .KeyBy(p => p.Page)
            .Window(window)
            .Aggregate(new PartialSum(), (page, w, count) => new PageMinuteCount(
                page, DateTimeOffset.FromUnixTimeMilliseconds(w.Start), DateTimeOffset.FromUnixTimeMilliseconds(w.End), count))
            .Named("page-counts");

        var alerts = views
            .KeyBy(v => v.UserId)
            .Process(new BotDetectionFunction(settings.BotWindow, settings.BotMinEvents, settings.BotMaxIntervalCv))
            .Named("bot-detection");

        return new ClickstreamStreams(sessions, pageCounts, alerts, sessions.SideOutput(LateForSessions), partials.SideOutput(LateForPageCounts));
    }

    /// <summary>Stable across processes and runs (string.GetHashCode is not), so a user always lands in the same bucket.</summary>
    public static int Salt(string userId, int buckets) => (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(userId)) % (uint)buckets);

    // "salt|page": a string key hashes without serialization; the page may itself contain '|', the salt cannot.
    private static string SaltedKey(string page, int salt) => $"{salt}|{page}";

    private static PartialPageCount ToPartial(string key, TimeWindow window, long count)
    {
        var bar = key.IndexOf('|', StringComparison.Ordinal);
        return new PartialPageCount(key[(bar + 1)..], int.Parse(key.AsSpan(0, bar), provider: System.Globalization.CultureInfo.InvariantCulture), window.Start, count);
    }

    private sealed class PartialSum : IAggregateFunction<PartialPageCount, long, long>
    {
        public long CreateAccumulator() => 0;

        public long Add(long accumulator, PartialPageCount value) => accumulator + value.Count;

        public long Merge(long a, long b) => a + b;

        public long GetResult(long accumulator) => accumulator;
    }
}
