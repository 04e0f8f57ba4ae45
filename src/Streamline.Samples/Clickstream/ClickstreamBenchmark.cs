using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Sinks;
using Streamline.Core.Sources;
using Streamline.Samples.Clickstream.Pipeline;

namespace Streamline.Samples.Clickstream;

/// <summary>
/// Throughput of <see cref="SessionizationPipeline"/> (session windows + two-phase page counts + bot detection)
/// under the local runner; a program for the benchmark runner, not a test. Two datasets of the same size: the
/// default skew (Zipf users and pages, one hot page, one bot with 30 % of all events, i.e. one hot key) and a
/// uniform one (no bot, no hot page, flat user and page popularity). Events are generated before the clock
/// starts; each dataset runs once to warm up and once measured.
/// </summary>
public static class ClickstreamBenchmark
{
    public const int DefaultEvents = 200_000;

    private static readonly Config QuietAkka = ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING");

    public static async Task<ClickstreamBenchmarkResult> RunAsync(int events = DefaultEvents, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        var settings = ClickstreamSettings.Default;
        var skewed = new ClickstreamGeneratorSettings { TotalEvents = events };
        var uniform = skewed with { BotShare = 0, HotPageShare = 0, UserZipfExponent = 0, PageZipfExponent = 0 };
        return new ClickstreamBenchmarkResult(
            await MeasureAsync("skewed", skewed, settings, ct).ConfigureAwait(false),
            await MeasureAsync("uniform", uniform, settings, ct).ConfigureAwait(false));
    }

    private static async Task<ClickstreamBenchmarkRun> MeasureAsync(string name, ClickstreamGeneratorSettings generator, ClickstreamSettings settings, CancellationToken ct)
    {
        var views = ClickstreamGenerator.Generate(generator).Events.Select(e => e.View).ToArray();
        var hottest = views.GroupBy(v => v.UserId).Max(g => g.Count()) / (double)views.Length;
        _ = await RunOnceAsync(name, views, settings, ct).ConfigureAwait(false); // JIT, tiering and Akka start-up are not throughput
        return (await RunOnceAsync(name, views, settings, ct).ConfigureAwait(false)) with { HottestKeyShare = hottest };
    }

    private static async Task<ClickstreamBenchmarkRun> RunOnceAsync(string name, PageView[] views, ClickstreamSettings settings, CancellationToken ct)
    {
        var p = PipelineBuilder.Create("clickstream-benchmark");
        var streams = SessionizationPipeline.Build(p.Source(new CollectionSource<PageView>(views, SessionizationPipeline.Watermarks(settings)), "views"), settings);
        var sessions = new DiscardingSink<SessionSummary>();
        var counts = new DiscardingSink<PageMinuteCount>();
        var alerts = new DiscardingSink<BotAlert>();
        streams.Sessions.To(sessions, "sessions-out");
        streams.PageCounts.To(counts, "page-counts-out");
        streams.BotAlerts.To(alerts, "bot-alerts-out");
        var definition = p.Build();
        var system = ActorSystem.Create("clickstream-benchmark", QuietAkka);
        try
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await LocalRunner.Run(definition, system).Completion.WaitAsync(ct).ConfigureAwait(false);
            stopwatch.Stop();
            process.Refresh();
            return new ClickstreamBenchmarkRun(name, views.Length, stopwatch.Elapsed, process.TotalProcessorTime - cpu, sessions.Count, counts.Count, alerts.Count, 0);
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }
}
