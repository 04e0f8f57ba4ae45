using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Serdes;
using Streamline.Core.Sources;
using Streamline.Core.Stages;
using Streamline.Core.Time;
using Streamline.Kafka.Source;

namespace Streamline.Kafka.Dsl;

/// <summary>
/// A Kafka topic as a pipeline source. Instance i of n owns the partitions with
/// <c>partition % n == i</c> (explicit assignment, no consumer-group rebalancing), so the
/// runtime, not Kafka, decides who reads what and from which offset.
/// </summary>
public sealed class KafkaSource<T> : ISourceDefinition<T>
{
    public KafkaSource(KafkaSourceSettings settings, ISerde<T> valueSerde, WatermarkStrategy<T>? watermarks = null)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        if (string.IsNullOrWhiteSpace(settings.Topic)) throw new ArgumentException("KafkaSourceSettings.Topic must name the topic to read", nameof(settings));
        if (string.IsNullOrWhiteSpace(settings.BootstrapServers)) throw new ArgumentException($"KafkaSourceSettings.BootstrapServers is empty for topic '{settings.Topic}'", nameof(settings));
        ValueSerde = valueSerde ?? throw new ArgumentNullException(nameof(valueSerde));
        WatermarkStrategy = watermarks ?? WatermarkStrategy<T>.NoWatermarks();
    }

    public KafkaSourceSettings Settings { get; }

    public ISerde<T> ValueSerde { get; }

    public WatermarkStrategy<T> WatermarkStrategy { get; }

    public string Describe() => $"kafka topic '{Settings.Topic}' ({ValueSerde.Name})";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ISourceControl> register)
    {
        var all = Settings.Partitions.IsEmpty ? KafkaMetadata.Partitions(Settings.BootstrapServers, Settings.Topic) : Settings.Partitions;
        var owned = all.Where(p => p % context.Parallelism == context.SubtaskIndex).ToArray();
        if (owned.Length == 0)
            throw new InvalidOperationException(
                $"source '{name}' instance {context.SubtaskIndex} of {context.Parallelism} owns no partition of topic '{Settings.Topic}' ({all.Count} partitions); lower the source's parallelism to at most {all.Count}");
        var settings = Settings.WithTopic(Settings.Topic, owned);
        // Restored from a checkpoint: resume each owned partition where the checkpoint's cut was;
        // partitions the checkpoint did not know (added since) keep the configured start.
        if (context.RestoredSourcePositions is { } restored)
            settings = settings.WithStartOffsets(restored.Where(p => owned.Contains(p.Key)));
        var stage = new KafkaSourceStage<T>(settings, ValueSerde, WatermarkStrategy);
        return new ReportingStage<IKafkaSourceControl>(stage, control => register(new KafkaSourceControlAdapter(control)));
    }
}
