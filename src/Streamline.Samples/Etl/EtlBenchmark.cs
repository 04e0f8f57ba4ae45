using System.Diagnostics;
using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Samples.Etl.Dedup;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Generator;
using Streamline.Samples.Etl.Normalize;
using Streamline.Samples.Etl.Pii;
using Streamline.Samples.Etl.Pipeline;
using Streamline.Samples.Etl.Quality;
using Streamline.Samples.Etl.Shards;
using Streamline.Samples.Etl.Tokenize;

namespace Streamline.Samples.Etl;

/// <summary>
/// ETL throughput and where the time goes; a program for the benchmark runner, not a test. The pipeline runs
/// once end to end (collection source → <see cref="TrainingDataPipeline"/> → <see cref="ShardSink"/>), then
/// every stage's function runs alone over that stage's real input from the same corpus. Both are timed warm.
/// </summary>
public static class EtlBenchmark
{
    private static readonly Config QuietAkka = ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING");

    public static async Task<EtlBenchmarkResult> RunAsync(EtlBenchmarkOptions? options = null, CancellationToken ct = default)
    {
        options ??= new EtlBenchmarkOptions();
        var settings = EtlPipelineSettings.FromConfig(options.Config ?? Config.Empty);
        var lines = CorpusGenerator.Generate(options.Corpus).Select(d => RawDocumentJsonl.Serialize(d.Document)).ToArray();
        _ = TokenCounter.Shared.Count("warm up"); // loading the vocabulary is start-up cost, not throughput
        var scratch = Path.Combine(Path.GetTempPath(), "streamline-etl-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            // A first full run pays for JIT (hot loops reach tier 1 only after many calls), regex construction
            // and Akka start-up, which are not throughput; the stage timings below run warm as well.
            await RunPipelineAsync(lines, settings, Path.Combine(scratch, "warm-up"), ct).ConfigureAwait(false);
            var (elapsed, cpu) = await RunPipelineAsync(lines, settings, Path.Combine(scratch, "pipeline"), ct).ConfigureAwait(false);
            var stages = TimeStages(lines, settings, Path.Combine(scratch, "stages"));
            var bytes = lines.Sum(l => (long)Encoding.UTF8.GetByteCount(l) + 1);
            return new EtlBenchmarkResult(lines.Length, bytes, elapsed, cpu, stages);
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // Leftover scratch files do not change the figures.
            }
        }
    }

    private static async Task<(TimeSpan Elapsed, TimeSpan CpuTime)> RunPipelineAsync(string[] lines, EtlPipelineSettings settings, string output, CancellationToken ct)
    {
        var p = PipelineBuilder.Create("etl-benchmark");
        var streams = TrainingDataPipeline.Build(p.FromCollection(lines, name: "lines"), settings, new EtlCounters());
        streams.Kept.To(new ShardSink(output, settings.Shards), "shards");
        var definition = p.Build();
        var system = ActorSystem.Create("etl-benchmark", QuietAkka);
        try
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var running = LocalRunner.Run(definition, system);
            await running.Completion.WaitAsync(ct).ConfigureAwait(false);
            stopwatch.Stop();
            process.Refresh();
            return (stopwatch.Elapsed, process.TotalProcessorTime - cpu);
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    private static IReadOnlyList<StageTiming> TimeStages(string[] lines, EtlPipelineSettings settings, string output)
    {
        var timings = new List<(string Stage, long Records, TimeSpan Elapsed)>();

        var parsed = Time("parse", lines, RawDocumentJsonl.Parse, timings);
        var valid = parsed.Where(r => r.IsValid).Select(r => r.Document!).ToArray();
        var normalizer = new TextNormalizer(settings.Boilerplate);
        var normalized = Time("normalize", valid, normalizer.Normalize, timings);
        var quality = new QualityFilter(settings.Quality);
        var verdicts = Time("quality", normalized, quality.Evaluate, timings);
        var passed = normalized.Where((_, i) => verdicts[i] is null).ToArray();
        var scrubber = new PiiScrubber();
        var scrubbed = Time("pii-scrub", passed, t => scrubber.Scrub(t).Text, timings);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var isFirst = Time("exact-dedup", scrubbed, t => seen.Add(ContentHash.Key128(t)), timings);
        var unique = scrubbed.Where((_, i) => isFirst[i]).ToArray();

        var hasher = new MinHasher(settings.MinHash);
        var signatures = Time("minhash", unique, t =>
        {
            var signature = hasher.Signature(t);
            return (Signature: signature, Bands: hasher.BandKeys(signature));
        }, timings);
        var buckets = new Dictionary<LshBandKey, List<ulong[]>>();
        var threshold = settings.MinHash.JaccardThreshold;
        var isNearDuplicate = Time("near-dedup", signatures, s =>
        {
            var duplicate = false;
            foreach (var key in s.Bands)
            {
                if (!buckets.TryGetValue(key, out var members))
                {
                    buckets[key] = members = [];
                }

                duplicate |= members.Exists(m => MinHasher.EstimateJaccard(m, s.Signature) >= threshold);
                if (members.Count < settings.MaxSignaturesPerBand)
                {
                    members.Add(s.Signature);
                }
            }

            return duplicate;
        }, timings);
        var kept = unique.Where((_, i) => !isNearDuplicate[i]).ToArray();

        var tokens = Time("tokenize", kept, TokenCounter.Shared.Count, timings);
        using (var writer = new ShardWriter(output, settings.Shards))
        {
            var documents = kept.Select((t, i) => new ShardDocument($"doc-{i}", "https://example.com/", "bench", t, tokens[i])).ToArray();
            Time("shard-write", documents, d =>
            {
                writer.Write(d);
                return 0;
            }, timings);
            var commit = Stopwatch.StartNew();
            writer.Commit();
            timings[^1] = (timings[^1].Stage, timings[^1].Records, timings[^1].Elapsed + commit.Elapsed);
        }

        var total = timings.Sum(t => t.Elapsed.TotalSeconds);
        return [.. timings.Select(t => new StageTiming(t.Stage, t.Records, t.Elapsed, t.Elapsed.TotalSeconds / Math.Max(total, 1e-9)))];
    }

    private static TOut[] Time<TIn, TOut>(string stage, IReadOnlyList<TIn> input, Func<TIn, TOut> function, List<(string, long, TimeSpan)> timings)
    {
        var results = new TOut[input.Count];
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = function(input[i]);
        }

        timings.Add((stage, input.Count, stopwatch.Elapsed));
        return results;
    }
}
