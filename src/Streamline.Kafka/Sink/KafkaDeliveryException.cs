using Confluent.Kafka;

namespace Streamline.Kafka.Sink;

/// <summary>A record could not be written to Kafka after librdkafka's own retries.</summary>
public sealed class KafkaDeliveryException : Exception
{
    public KafkaDeliveryException(TopicPartition topicPartition, Error error, Exception? inner = null)
        : base($"Delivery to topic '{topicPartition.Topic}' partition {Describe(topicPartition.Partition)} failed: {error.Reason} ({error.Code}).", inner)
    {
        TopicPartition = topicPartition;
        Error = error;
    }

    public TopicPartition TopicPartition { get; }

    public Error Error { get; }

    private static string Describe(Partition partition) => partition.IsSpecial ? "(unassigned)" : partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
