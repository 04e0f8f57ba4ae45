using Streamline.Core.Dsl;
using Streamline.Core.Sinks;
using Streamline.Core.Sources;
using Streamline.Samples.Clickstream;
using Streamline.Samples.Clickstream.Pipeline;
using Streamline.Testing;
using Xunit;

namespace Streamline.Samples.Tests.Pipeline;

/// <summary>Event-time behaviour of the clickstream pipeline, driven view by view with explicit watermarks.</summary>
public sealed class SessionizationDriverTests
{
    private static readonly DateTimeOffset T0 = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_late_view_within_the_allowed_lateness_updates_its_session_and_a_later_one_goes_to_the_late_output()
    {
        using var driver = new PipelineTestDriver(Define());
        var views = driver.Input<PageView>("views");
        var sessions = driver.Output<SessionSummary>("sessions-out");

        views.Push(View("ann", "/", 0), 0).Push(View("ann", "/product/p0001", 60), 0);
        views.AdvanceWatermark(Ms(Minutes(32)));
        var fired = Assert.Single(sessions.ReadValues());
        Assert.Equal((2, "/", "/product/p0001", FunnelStep.Product), (fired.PageViews, fired.LandingPage, fired.ExitPage, fired.FurthestStep));

        // 35 s after the first view: inside the fired session and within its 5 min allowed lateness.
        views.Push(View("ann", "/cart", 35), 0);
        var updated = Assert.Single(sessions.ReadValues());
        Assert.Equal((3, T0, T0.AddSeconds(60), "/product/p0001", FunnelStep.Cart), (updated.PageViews, updated.Start, updated.End, updated.ExitPage, updated.FurthestStep));

        // Past end + allowed lateness the session is gone: the view is reported, not counted.
        views.AdvanceWatermark(Ms(Minutes(37)));
        views.Push(View("ann", "/checkout", 40), 0);
        Assert.Empty(sessions.ReadValues());
        Assert.Equal(["/checkout"], driver.Output<PageView>("late-out").ReadValues().Select(v => v.Page));
    }

    [Fact]
    public void Many_views_at_a_machine_regular_interval_raise_one_alert_but_a_fast_irregular_person_does_not()
    {
        using var driver = new PipelineTestDriver(Define());
        var views = driver.Input<PageView>("views");

        // The person is even faster than the bot but pauses irregularly (1, 2, 3 s, ...).
        var personTime = 0.0;
        for (var i = 0; i < 40; i++)
        {
            views.Push(View("bot", $"/product/p{i:D4}", 2.0 * i), 0);
            views.Push(View("person", "/", personTime), 0);
            personTime += 1 + (i % 3);
        }

        views.AdvanceWatermark(Ms(Minutes(5)));

        var alert = Assert.Single(driver.Output<BotAlert>("alerts-out").ReadValues());
        Assert.Equal(("bot", 30, TimeSpan.FromSeconds(2)), (alert.UserId, alert.Events, alert.MeanInterval));
    }

    private static Core.Graph.PipelineDefinition Define()
    {
        var settings = ClickstreamSettings.Default;
        var p = PipelineBuilder.Create("sessionization-driver");
        var streams = SessionizationPipeline.Build(p.Source(new CollectionSource<PageView>([], SessionizationPipeline.Watermarks(settings)), "views"), settings);
        streams.Sessions.To(new CollectionSink<SessionSummary>(), "sessions-out");
        streams.LateForSessions.To(new CollectionSink<PageView>(), "late-out");
        streams.BotAlerts.To(new CollectionSink<BotAlert>(), "alerts-out");
        return p.Build();
    }

    private static PageView View(string user, string page, double seconds) => new(user, "https://shop.example.com" + page, page, null, T0.AddSeconds(seconds));

    private static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);

    private static long Ms(TimeSpan offset) => (T0 + offset).ToUnixTimeMilliseconds();
}
