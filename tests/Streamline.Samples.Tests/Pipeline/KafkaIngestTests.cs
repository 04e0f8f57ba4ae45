using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Serdes;
using Streamline.Kafka.Dsl;
using Streamline.Kafka.Embedded;
using Streamline.Kafka.Producer;
using Streamline.Kafka.Sink;
using Streamline.Kafka.Source;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Generator;
using Streamline.Samples.Tests.Support;
using Xunit;

namespace Streamline.Samples.Tests.Pipeline;

/// <summary>The training-data pipeline reading JSONL documents from a Kafka topic (embedded Kafka), end to end.</summary>
public sealed class KafkaIngestTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Documents_from_a_kafka_topic_are_accounted_deduplicated_scrubbed_and_sharded()
    {
        const string topic = "documents";
        var corpus = CorpusGenerator.Generate();
        var invalid = EtlRunFixture.InvalidLines.Select(l => (l.Line, l.Field)).ToList();
        var lines = corpus.Select(d => RawDocumentJsonl.Serialize(d.Document)).ToList();
        foreach (var (position, line, _) in EtlRunFixture.InvalidLines)
        {
            lines.Insert(position, line);
        }

        using var directory = new TempDirectory();
        using var kafka = EmbeddedKafka.Start();
        // One partition: "first copy wins" refers to input order, which Kafka keeps only within a partition.
        kafka.CreateTopic(topic, partitions: 1);
        using (var producer = new StreamlineProducer<string>(KafkaSinkSettings.Default.WithBootstrapServers(kafka.BootstrapServers).WithTopic(topic), Serdes.Utf8String))
        {
            foreach (var line in lines)
            {
                producer.Produce(line);
            }

            producer.Flush(Patience);
        }

        var p = PipelineBuilder.Create("etl-kafka");
        var source = p.FromKafka(kafka.BootstrapServers, topic, Serdes.Utf8String, name: "documents",
            settings: KafkaSourceSettings.Default with { DefaultStartOffset = StartOffset.Earliest, GroupId = "etl-test" });
        var capture = new EtlCapture(p, source, directory.File("shards"));

        var system = ActorSystem.Create("etl-kafka", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        try
        {
            var running = LocalRunner.Run(p.Build(), system);
            await Eventually.Until(() => running.Sources.Count == 1, Patience, () => "the Kafka source did not start");
            var kafkaSource = Assert.IsType<KafkaSourceControlAdapter>(running.Sources.Values.Single()).Kafka;

            // A Kafka source never ends on its own: stop once every offset is consumed and every line has an outcome.
            await Eventually.Until(
                () => kafkaSource.Positions.GetValueOrDefault(0) >= lines.Count && capture.Accounted >= lines.Count,
                Patience,
                () => $"position {kafkaSource.Positions.GetValueOrDefault(0)} of {lines.Count}; {capture.Describe()}");
            running.Stop();
            await running.Completion.WaitAsync(Patience);
            await kafkaSource.Completion.WaitAsync(Patience); // the consumer is closed before the cluster goes
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }

        capture.AssertGroundTruth(corpus, invalid);
    }
}
