using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Nexmark.Bench;
using Streamline.Nexmark.Bench.Internal;
using Streamline.Nexmark.Model;
using Streamline.Nexmark.Queries;
using Streamline.Nexmark.Serialization;
using Streamline.Nexmark.Sources;
using Xunit;

namespace Streamline.Nexmark.Tests.Bench;

/// <summary>Kafka mode's bookkeeping on a small run: both paths saw all input, Streamline's results equal engine mode's. No timing.</summary>
public sealed class NexmarkKafkaBenchmarkTests
{
    [Fact]
    public async Task Kafka_mode_copies_all_input_in_the_baseline_and_streamline_delivers_the_engine_results()
    {
        var options = new NexmarkBenchOptions { Query = "q1", Mode = NexmarkBenchMode.Kafka, Events = 20_000, WarmupEvents = 0, ProgressInterval = TimeSpan.FromMinutes(1) };

        var result = await NexmarkBenchmark.RunAsync(options, TextWriter.Null, CancellationToken.None);

        var kafka = Assert.IsType<NexmarkKafkaComparison>(result.Kafka);
        Assert.Equal((20_000L, 20_000L), (kafka.Baseline.InputRecords, kafka.Baseline.OutputRecords));
        Assert.Equal(20_000, kafka.Streamline.InputRecords);
        var expected = await EngineResults(options, Q1CurrencyConversion.Build);
        Assert.Equal(expected.Count, result.Results);
        Assert.Equal(expected.Count, kafka.Streamline.OutputRecords);
        Assert.Equal(ResultChecksum.Of(ResultSerdes.For<Q1Result>(options.Format), expected), result.Checksum);
        Assert.Contains("ratio S÷B", result.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kafka_mode_with_json_input_fires_the_windows_of_a_windowed_query_at_the_end_of_input()
    {
        // Event-time rate 1 000/s: 10 000 events span 10 s, several q5 windows.
        var options = new NexmarkBenchOptions
        {
            Query = "q5", Mode = NexmarkBenchMode.Kafka, Events = 10_000, WarmupEvents = 0, EventTimeRate = 1_000,
            Format = NexmarkEventFormat.Json, Partitions = 3, ProgressInterval = TimeSpan.FromMinutes(1),
        };

        var result = await NexmarkBenchmark.RunAsync(options, TextWriter.Null, CancellationToken.None);

        var expected = await EngineResults(options, Q5HotItems.Build);
        Assert.True(expected.Count > 5, $"only {expected.Count} q5 rows");
        Assert.Equal(3, result.Kafka!.Partitions);
        Assert.Equal(expected.Count, result.Results);
        Assert.Equal(ResultChecksum.Of(ResultSerdes.For<Q5Result>(options.Format), expected), result.Checksum);
    }

    [Fact]
    public void Options_parse_the_kafka_flags()
    {
        var o = NexmarkBenchOptions.Parse(["--mode", "kafka", "--events", "100000", "--format", "json", "--partitions", "12"]);

        Assert.Equal((NexmarkBenchMode.Kafka, NexmarkEventFormat.Json, (int?)12, 20_000L), (o.Mode, o.Format, o.Partitions, o.EffectiveWarmupEvents));
        Assert.Throws<ArgumentException>(() => NexmarkBenchOptions.Parse(["--partitions", "0"]));
    }

    /// <summary>The same events through engine mode's source (generator, same watermarks) into a collection.</summary>
    private static async Task<IReadOnlyList<T>> EngineResults<T>(NexmarkBenchOptions options, Func<DataStream<NexmarkEvent>, DataStream<T>> query)
    {
        var system = ActorSystem.Create("nexmark-kafka-expected", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        try
        {
            var pipeline = PipelineBuilder.Create("expected");
            var sink = query(pipeline.Source(new NexmarkSource(options.BuildGeneratorConfig(), options.WatermarkDelay), "events")).ToCollection("results");
            await LocalRunner.Run(pipeline.Build(), system).Completion.WaitAsync(TimeSpan.FromSeconds(60));
            return sink.Records.Select(r => r.Value).ToList();
        }
        finally
        {
            await system.Terminate();
        }
    }
}
