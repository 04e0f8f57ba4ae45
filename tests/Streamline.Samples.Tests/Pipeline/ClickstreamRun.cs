using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Sources;
using Streamline.Core.Windows;
using Streamline.Samples.Clickstream;
using Streamline.Samples.Clickstream.Pipeline;

namespace Streamline.Samples.Tests.Pipeline;

/// <summary>
/// One run of the clickstream pipeline over a generated dataset with the local runner, every output
/// collected; plus a single-phase per-page count over the same source as the reference for the two-phase one.
/// </summary>
internal sealed record ClickstreamRun(
    ClickstreamDataset Dataset,
    IReadOnlyList<SessionSummary> Sessions,
    IReadOnlyList<PageMinuteCount> PageCounts,
    IReadOnlyList<WindowResult<string, long>> SinglePhaseCounts,
    IReadOnlyList<BotAlert> Alerts,
    IReadOnlyList<PageView> LateForSessions,
    IReadOnlyList<PageView> LateForPageCounts)
{
    public static ClickstreamRun Execute(ClickstreamGeneratorSettings generator, ClickstreamSettings? settings = null)
    {
        settings ??= ClickstreamSettings.Default;
        var dataset = ClickstreamGenerator.Generate(generator);
        var p = PipelineBuilder.Create("clickstream-test");
        var views = p.Source(new CollectionSource<PageView>(dataset.Events.Select(e => e.View), SessionizationPipeline.Watermarks(settings)), "views");
        var streams = SessionizationPipeline.Build(views, settings);
        var sessions = streams.Sessions.ToCollection("sessions-out");
        var counts = streams.PageCounts.ToCollection("page-counts-out");
        var alerts = streams.BotAlerts.ToCollection("alerts-out");
        var lateSessions = streams.LateForSessions.ToCollection("late-sessions-out");
        var lateCounts = streams.LateForPageCounts.ToCollection("late-counts-out");
        var single = views.KeyBy(v => v.Page).Window(TumblingEventTimeWindows.Of(settings.PageCountWindow)).Count().Named("single-phase-counts").ToCollection("single-phase-out");

        var system = ActorSystem.Create("clickstream-test", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        try
        {
            LocalRunner.Run(p.Build(), system).Completion.WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }

        return new ClickstreamRun(dataset, sessions.Values, counts.Values, single.Values, alerts.Values, lateSessions.Values, lateCounts.Values);
    }
}
