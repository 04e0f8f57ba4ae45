using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.Sinks;
using Streamline.Core.Stages;
using Streamline.Kafka.Sink;

namespace Streamline.Kafka.Dsl;

/// <summary>A Kafka topic as a pipeline sink (at-least-once: records are acknowledged before a barrier passes).</summary>
public sealed class KafkaSink<T> : ISinkDefinition<T>
{
    public KafkaSink(KafkaSinkSettings settings, ISerde<T> valueSerde, Func<T, byte[]?>? keySelector = null)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        if (string.IsNullOrWhiteSpace(settings.Topic)) throw new ArgumentException("KafkaSinkSettings.Topic must name the topic to write", nameof(settings));
        ValueSerde = valueSerde ?? throw new ArgumentNullException(nameof(valueSerde));
        KeySelector = keySelector;
    }

    public KafkaSinkSettings Settings { get; }

    public ISerde<T> ValueSerde { get; }

    public Func<T, byte[]?>? KeySelector { get; }

    public string Describe() => $"kafka topic '{Settings.Topic}' ({ValueSerde.Name})";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ControlSignal> signalCompleted, Action<ISinkControl> register) =>
        new ReportingStage<IKafkaSinkControl>(new KafkaSinkStage<T>(Settings, ValueSerde, KeySelector, signalCompleted),
            control => register(new KafkaSinkControlAdapter(control)));
}
