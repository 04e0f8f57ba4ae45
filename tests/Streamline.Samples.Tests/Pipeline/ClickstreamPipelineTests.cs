using Streamline.Samples.Clickstream;
using Streamline.Samples.Clickstream.Pipeline;
using Xunit;

namespace Streamline.Samples.Tests.Pipeline;

public sealed class ClickstreamRunFixture
{
    /// <summary>The default dataset: skewed users and pages, one bot, 1% of views up to two minutes late.</summary>
    internal ClickstreamRun Run { get; } = ClickstreamRun.Execute(new ClickstreamGeneratorSettings());
}

/// <summary>The clickstream pipeline against LINQ references computed over the whole input.</summary>
public sealed class ClickstreamPipelineTests(ClickstreamRunFixture fixture) : IClassFixture<ClickstreamRunFixture>
{
    private static readonly TimeSpan Gap = ClickstreamSettings.Default.SessionGap;

    private ClickstreamRun Run => fixture.Run;

    [Fact]
    public void Sessions_equal_a_linq_sessionization_of_all_views()
    {
        var expected = ReferenceSessions(Run.Dataset.Events.Select(e => e.View));

        // Late views are at most ~2 min behind, while a session fires 30 min after its last view: none is too late.
        Assert.Empty(Run.LateForSessions);
        Assert.Equal(Ordered(expected), Ordered(Run.Sessions));
        Assert.Equal(Run.Dataset.Sessions.Length, Run.Sessions.Count);
    }

    [Fact]
    public void Two_phase_page_counts_equal_the_exact_count_of_every_view_on_time()
    {
        var late = Run.LateForPageCounts.ToHashSet();
        var onTime = Run.Dataset.Events.Select(e => e.View).Where(v => !late.Contains(v));
        var exact = onTime.GroupBy(v => (v.Page, Minute(v.EventTime))).ToDictionary(g => g.Key, g => (long)g.Count());
        var twoPhase = Run.PageCounts.ToDictionary(c => (c.Page, c.WindowStart), c => c.Count);
        var singlePhase = Run.SinglePhaseCounts.ToDictionary(c => (c.Key, DateTimeOffset.FromUnixTimeMilliseconds(c.Window.Start)), c => c.Value);

        Assert.NotEmpty(late);
        Assert.Equal(Run.PageCounts.Count, twoPhase.Count);
        Assert.Equal(exact.OrderBy(e => e.Key), twoPhase.OrderBy(e => e.Key));
        Assert.Equal(singlePhase.OrderBy(e => e.Key), twoPhase.OrderBy(e => e.Key));
        Assert.Equal(Run.Dataset.Events.Length, twoPhase.Values.Sum() + late.Count);
    }

    [Fact]
    public void The_bot_is_flagged_once_and_no_person_is()
    {
        var alert = Assert.Single(Run.Alerts);

        Assert.Equal(Run.Dataset.BotUserId, alert.UserId);
        Assert.Equal(Run.Dataset.Settings.BotInterval, alert.MeanInterval);
    }

    [Fact]
    public void Without_late_views_the_two_phase_count_equals_the_count_of_all_views()
    {
        var run = ClickstreamRun.Execute(new ClickstreamGeneratorSettings { LateFraction = 0, TotalEvents = 8_000 });
        var exact = run.Dataset.Events.GroupBy(e => (e.View.Page, Minute(e.View.EventTime))).ToDictionary(g => g.Key, g => (long)g.Count());

        Assert.Empty(run.LateForPageCounts);
        Assert.Equal(exact.OrderBy(e => e.Key), run.PageCounts.ToDictionary(c => (c.Page, c.WindowStart), c => c.Count).OrderBy(e => e.Key));

        // The hot page is spread over the salt buckets rather than landing on one key.
        var hot = run.Dataset.HotPage;
        var users = run.Dataset.Events.Where(e => e.View.Page == hot).Select(e => e.View.UserId).Distinct();
        Assert.True(users.Select(u => SessionizationPipeline.Salt(u, ClickstreamSettings.Default.PageCountSaltBuckets)).Distinct().Count() > 1);
    }

    /// <summary>Per user, sorted by (time, page); a new session starts where the gap reaches the session gap (session windows are half-open).</summary>
    internal static List<SessionSummary> ReferenceSessions(IEnumerable<PageView> views)
    {
        var sessions = new List<SessionSummary>();
        foreach (var user in views.GroupBy(v => v.UserId))
        {
            // Event time is whole milliseconds in the pipeline; the generator's times are finer.
            var ordered = user.Select(v => v with { EventTime = DateTimeOffset.FromUnixTimeMilliseconds(v.EventTime.ToUnixTimeMilliseconds()) })
                .OrderBy(v => v.EventTime).ThenBy(v => v.Page, StringComparer.Ordinal).ToList();
            var start = 0;
            for (var i = 1; i <= ordered.Count; i++)
            {
                if (i < ordered.Count && ordered[i].EventTime - ordered[i - 1].EventTime < Gap)
                {
                    continue;
                }

                var run = ordered[start..i];
                sessions.Add(new SessionSummary(user.Key, run[0].EventTime, run[^1].EventTime, run.Count, run[0].Page, run[^1].Page, run.Max(v => v.Step)));
                start = i;
            }
        }

        return sessions;
    }

    private static List<SessionSummary> Ordered(IEnumerable<SessionSummary> sessions) =>
        [.. sessions.OrderBy(s => s.UserId, StringComparer.Ordinal).ThenBy(s => s.Start)];

    private static DateTimeOffset Minute(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds() / 60_000 * 60_000);
}
