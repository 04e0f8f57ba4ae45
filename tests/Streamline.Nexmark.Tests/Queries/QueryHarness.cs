using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Model;
using Streamline.Nexmark.Sources;
using Xunit;

namespace Streamline.Nexmark.Tests.Queries;

/// <summary>
/// Runs a query over a bounded generated stream (its final watermark fires every window and timer)
/// and compares the output with a reference computed over the whole input.
/// </summary>
public sealed class QueryHarness : IDisposable
{
    /// <summary>Beam's defaults: 10 ms of event time between events, so 20 000 events span 200 s.</summary>
    public static readonly GeneratorConfig Default = GeneratorConfig.Default.WithMaxEvents(20_000);

    /// <summary>The benchmark's event-time density (NXF V2: 100 000 events/s on one timeline): many events per millisecond.</summary>
    public static readonly GeneratorConfig Dense = GeneratorConfig.Default.WithEventRate(100_000).WithNumEventGenerators(1).WithMaxEvents(20_000);

    /// <summary>Timestamps permuted within groups of 50 (0.5 s), well inside the 4 s watermark delay.</summary>
    public static readonly GeneratorConfig OutOfOrder = Default.WithOutOfOrderGroupSize(50);

    private readonly ActorSystem _system = ActorSystem.Create("nexmark-queries",
        ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING"));

    public static IReadOnlyList<NexmarkEvent> Events(GeneratorConfig config) => NexmarkGenerator.Generate(config).ToList();

    public static IEnumerable<Bid> Bids(GeneratorConfig config) => Events(config).Select(e => e.Bid).OfType<Bid>();

    /// <summary>The query's output as (value, event timestamp) pairs.</summary>
    public IReadOnlyList<(T Value, long Timestamp)> Run<T>(GeneratorConfig config, Func<DataStream<NexmarkEvent>, DataStream<T>> query)
    {
        var pipeline = PipelineBuilder.Create("nexmark-query");
        var sink = query(pipeline.Source(new NexmarkSource(config), "events")).ToCollection("results");
        var running = LocalRunner.Run(pipeline.Build(), _system);
        if (!running.Completion.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("the query did not finish within 60 s");
        Assert.Equal(0, running.UnhandledDeadLetters);
        return sink.Records.Select(r => (r.Value, r.Timestamp)).ToList();
    }

    /// <summary>Equal as multisets; the message lists a few records missing from and extra in the actual output.</summary>
    public static void AssertSameMultiset<T>(IEnumerable<T> expected, IEnumerable<T> actual) where T : notnull
    {
        var counts = new Dictionary<T, int>();
        foreach (var e in expected) counts[e] = counts.GetValueOrDefault(e) + 1;
        var extra = new List<T>();
        foreach (var a in actual)
        {
            if (counts.TryGetValue(a, out var n) && n > 0) counts[a] = n - 1;
            else extra.Add(a);
        }
        var missing = counts.Where(c => c.Value > 0).SelectMany(c => Enumerable.Repeat(c.Key, c.Value)).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{missing.Count} expected records missing, {extra.Count} unexpected.\nmissing: {string.Join("; ", missing.Take(5))}\nextra: {string.Join("; ", extra.Take(5))}");
    }

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));
}
