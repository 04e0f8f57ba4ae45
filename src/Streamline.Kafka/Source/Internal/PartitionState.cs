using Confluent.Kafka;
using Streamline.Core.Time;

namespace Streamline.Kafka.Source.Internal;

/// <summary>What the source tracks per owned partition; touched only on the stage's thread.</summary>
internal sealed class PartitionState
{
    public PartitionState(string topic, int partition, int channel, BoundedOutOfOrdernessWatermarks generator)
    {
        TopicPartition = new TopicPartition(topic, partition);
        Channel = channel;
        Generator = generator;
    }

    public TopicPartition TopicPartition { get; }

    public int Partition => TopicPartition.Partition.Value;

    /// <summary>Index of this partition in the watermark aligner.</summary>
    public int Channel { get; }

    public BoundedOutOfOrdernessWatermarks Generator { get; }

    /// <summary>Next offset to consume (offset of the last consumed record + 1).</summary>
    public long Position { get; set; } = -1;

    /// <summary>librdkafka's cached high watermark, -1 while unknown.</summary>
    public long HighWatermark { get; set; } = -1;

    /// <summary>Monotonic milliseconds of the last record (or of the assignment).</summary>
    public long LastActivityMs { get; set; }

    /// <summary>Records arrived since the aligner last saw this partition's watermark.</summary>
    public bool HasNewEvents { get; set; }

    /// <summary>Nothing is known to be waiting in the partition.</summary>
    public bool IsCaughtUp => HighWatermark < 0 || Position >= HighWatermark;
}
