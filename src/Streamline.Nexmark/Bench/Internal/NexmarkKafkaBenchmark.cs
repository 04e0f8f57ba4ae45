using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Serdes;
using Streamline.Kafka.Dsl;
using Streamline.Kafka.Embedded;
using Streamline.Kafka.Source;
using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Queries;
using Streamline.Nexmark.Serialization;
using Streamline.Nexmark.Sources;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>
/// Kafka mode (NexmarkBenchMode.Kafka): an embedded broker in this process; the generated events
/// are preloaded into an input topic (and the warm-up events into a topic of their own) and
/// verified; then, after one unmeasured pass of each path over the warm-up topic, (a) the plain
/// consume→produce loop copies the input topic and (b) Streamline runs
/// <c>FromKafka(events) → query → ToKafka(results)</c> over the same input. Streamline's source is
/// unbounded, so the run is stopped once its positions reach the input's end offsets; stopping
/// drains the buffered records, fires the remaining windows (end of input) and waits until every
/// result was acknowledged.
/// </summary>
internal static class NexmarkKafkaBenchmark
{
    private const string SinkName = "results";

    public static async Task<NexmarkBenchResult> RunAsync(NexmarkBenchOptions o, NexmarkQuery query, GeneratorConfig config, Config akkaConfig, TextWriter output, CancellationToken ct)
    {
        var warmup = o.EffectiveWarmupEvents;
        var serde = NexmarkSerdes.For(o.Format);
        var warmupValues = new List<byte[]>((int)warmup);
        var measuredValues = new List<byte[]>((int)o.Events);
        foreach (var e in NexmarkGenerator.Generate(config)) (warmupValues.Count < warmup ? warmupValues : measuredValues).Add(serde.ToBytes(e));
        var partitions = o.Partitions ?? KafkaPreloader.PartitionsFor(warmupValues, measuredValues);

        using var kafka = EmbeddedKafka.Start();
        var bootstrap = kafka.BootstrapServers;
        foreach (var phase in new[] { "warmup", "measured" })
        {
            kafka.CreateTopic($"events-{phase}", partitions);
            kafka.CreateTopic($"baseline-{phase}", partitions);
            // Results need not fit the input's layout (JSON rows, sticky partitioner): room to spare.
            kafka.CreateTopic($"results-{phase}", partitions * 4);
        }
        var clock = Stopwatch.StartNew();
        var warmupTopic = warmup > 0 ? KafkaPreloader.Produce(bootstrap, "events-warmup", partitions, warmupValues, ct) : null;
        var input = KafkaPreloader.Produce(bootstrap, "events-measured", partitions, measuredValues, ct);
        output.WriteLine($"  preloaded {warmup:N0} + {input.Records:N0} {o.Format.ToString().ToLowerInvariant()} events ({input.ValueBytes / 1048576.0:F1} MiB measured) " +
                         $"into {partitions} partitions in {clock.Elapsed.TotalSeconds:F1} s; every partition verified complete");
        warmupValues.Clear();
        measuredValues.Clear();

        var system = ActorSystem.Create("nexmark-kafka-bench", akkaConfig);
        try
        {
            if (warmupTopic is not null)
            {
                RunBaseline(bootstrap, warmupTopic, "baseline-warmup", ct);
                await RunStreamlineAsync(system, bootstrap, warmupTopic, "results-warmup", query, o, output, ct).ConfigureAwait(false);
                output.WriteLine($"  warm-up passes done ({warmupTopic.Records:N0} records each)");
            }

            Collect();
            var baseline = await Task.Factory.StartNew(() => RunBaseline(bootstrap, input, "baseline-measured", ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            output.WriteLine($"  baseline loop: {baseline.InputRecords:N0} records in {baseline.WallSeconds:F2} s, {baseline.CpuSeconds:F2} CPU-s");
            Collect();
            var streamline = await RunStreamlineAsync(system, bootstrap, input, "results-measured", query, o, output, ct).ConfigureAwait(false);
            output.WriteLine($"  Streamline: {streamline.Figures.InputRecords:N0} records in {streamline.Figures.WallSeconds:F2} s, {streamline.Figures.CpuSeconds:F2} CPU-s, {streamline.Figures.OutputRecords:N0} results");

            using var process = Process.GetCurrentProcess();
            var (start, end) = (streamline.Start, streamline.End);
            return new NexmarkBenchResult
            {
                Query = query.Name,
                Mode = o.Mode,
                Events = o.Events,
                WarmupEvents = warmup,
                EventTimeRate = config.FirstEventRate,
                WallSeconds = end.SecondsSince(start),
                CpuSeconds = (end.Cpu - start.Cpu).TotalSeconds,
                GeneratorCpuSeconds = 0,
                PeakWorkingSetBytes = process.PeakWorkingSet64,
                Gen0Collections = end.Gen0 - start.Gen0,
                Gen1Collections = end.Gen1 - start.Gen1,
                Gen2Collections = end.Gen2 - start.Gen2,
                GcPauseTime = end.GcPause - start.GcPause,
                AllocatedBytes = end.Allocated - start.Allocated,
                Results = streamline.Figures.OutputRecords,
                Checksum = streamline.Checksum,
                Environment = BenchEnvironment.Describe(),
                Kafka = new NexmarkKafkaComparison
                {
                    EventFormat = o.Format,
                    Partitions = partitions,
                    InputBytes = input.ValueBytes,
                    Baseline = baseline,
                    Streamline = streamline.Figures,
                },
            };
        }
        finally
        {
            // Every client must be closed before the embedded broker goes away.
            await system.Terminate().ConfigureAwait(false);
        }
    }

    private static NexmarkKafkaFigures RunBaseline(string bootstrap, PreloadedTopic input, string outputTopic, CancellationToken ct)
    {
        var start = ProcessSnapshot.Take();
        var (consumed, delivered) = KafkaCopyLoop.Run(bootstrap, input, outputTopic, ct);
        var end = ProcessSnapshot.Take();
        if (consumed != input.Records || delivered != input.Records)
            throw new InvalidOperationException($"the baseline loop consumed {consumed:N0} and delivered {delivered:N0} of {input.Records:N0} records");
        return Figures("plain Confluent.Kafka consume→produce loop", consumed, delivered, start, end);
    }

    private static async Task<StreamlineRun> RunStreamlineAsync(ActorSystem system, string bootstrap, PreloadedTopic input, string resultsTopic,
        NexmarkQuery query, NexmarkBenchOptions o, TextWriter output, CancellationToken ct)
    {
        var start = ProcessSnapshot.Take();
        var sinks = new KafkaResultSinkFactory(bootstrap, resultsTopic, o.Format);
        var settings = KafkaSourceSettings.Default with
        {
            DefaultStartOffset = StartOffset.Earliest,
            GroupId = $"nexmark-streamline-{resultsTopic}",
            Partitions = [.. Enumerable.Range(0, input.Partitions)],
        };
        var pipeline = PipelineBuilder.Create($"nexmark-{query.Name}-kafka");
        var events = pipeline.FromKafka(bootstrap, input.Name, NexmarkSerdes.For(o.Format), NexmarkSource.Watermarks(o.WatermarkDelay), "events", settings);
        query.AttachTo(events, sinks, SinkName);
        var running = LocalRunner.Run(pipeline.Build(), system);
        await using (ct.Register(running.Stop))
        {
            var consumed = await AwaitInputConsumedAsync(running, input, query, o.ProgressInterval, output, ct).ConfigureAwait(false);
            running.Stop();
            await running.Completion.WaitAsync(TimeSpan.FromMinutes(2), ct).ConfigureAwait(false);
            var end = ProcessSnapshot.Take();
            var delivered = running.Sinks[SinkName].RecordsWritten;
            var (serialized, checksum) = sinks.Read();
            if (running.UnhandledDeadLetters != 0)
                throw new InvalidOperationException($"{running.UnhandledDeadLetters:N0} input records could not be read (dead letters)");
            if (serialized != delivered)
                throw new InvalidOperationException($"the Kafka sink acknowledged {delivered:N0} of {serialized:N0} results");
            return new StreamlineRun(Figures($"Streamline FromKafka → {query.Name} → ToKafka", consumed, delivered, start, end), checksum, start, end);
        }
    }

    /// <summary>Polls the source's positions (a benchmark, not a test) until every partition reached its end offset.</summary>
    private static async Task<long> AwaitInputConsumedAsync(RunningPipeline running, PreloadedTopic input, NexmarkQuery query, TimeSpan interval, TextWriter output, CancellationToken ct)
    {
        var report = Stopwatch.StartNew();
        while (true)
        {
            if (running.Completion.IsCompleted)
            {
                await running.Completion.ConfigureAwait(false);
                throw new InvalidOperationException("the pipeline stopped before it consumed its input");
            }
            if (running.Sources.Values.OfType<KafkaSourceControlAdapter>().FirstOrDefault() is { } source)
            {
                var positions = source.Kafka.Positions;
                long consumed = 0;
                var done = true;
                foreach (var (partition, endOffset) in input.EndOffsets)
                {
                    var position = positions.TryGetValue(partition, out var p) ? p : 0;
                    consumed += Math.Clamp(position, 0, endOffset);
                    done &= position >= endOffset;
                }
                if (done) return consumed;
                if (report.Elapsed >= interval)
                {
                    output.WriteLine($"  [{query.Name}] {consumed:N0} / {input.Records:N0} records consumed ({100.0 * consumed / input.Records:F0} %)");
                    report.Restart();
                }
            }
            await Task.Delay(2, ct).ConfigureAwait(false);
        }
    }

    private static NexmarkKafkaFigures Figures(string path, long input, long outputs, ProcessSnapshot start, ProcessSnapshot end) =>
        new(path, input, outputs, end.SecondsSince(start), (end.Cpu - start.Cpu).TotalSeconds, end.Allocated - start.Allocated);

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private sealed record StreamlineRun(NexmarkKafkaFigures Figures, long Checksum, ProcessSnapshot Start, ProcessSnapshot End);
}
