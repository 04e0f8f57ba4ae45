using Confluent.Kafka;
using Streamline.Core.Serdes;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>
/// Fills an embedded-broker topic with encoded events, round-robin over its partitions, and proves
/// that the broker kept all of them. librdkafka's mock cluster keeps only ~5 MiB (or 100k batches)
/// per partition and silently drops older data, so the size is checked before and after producing.
/// </summary>
internal static class KafkaPreloader
{
    public const int MinPartitions = 8;

    /// <summary>What one partition may hold: 80 % of the mock broker's 5 MiB.</summary>
    public const long PartitionBudgetBytes = 4L << 20;

    /// <summary>Record framing in the v2 format plus a share of the batch header, generously.</summary>
    private const int RecordOverheadBytes = 24;

    public static byte[][] Encode(IEnumerable<NexmarkEvent> events, ISerde<NexmarkEvent> serde) => events.Select(serde.ToBytes).ToArray();

    /// <summary>Fewest partitions (at least <see cref="MinPartitions"/>) whose round-robin share of every list fits the budget.</summary>
    public static int PartitionsFor(params IReadOnlyList<byte[]>[] topics)
    {
        var partitions = MinPartitions;
        while (topics.Any(values => MaxPartitionBytes(values, partitions) > PartitionBudgetBytes)) partitions++;
        return partitions;
    }

    public static long MaxPartitionBytes(IReadOnlyList<byte[]> values, int partitions)
    {
        var bytes = new long[partitions];
        for (var i = 0; i < values.Count; i++) bytes[i % partitions] += values[i].Length + RecordOverheadBytes;
        return bytes.Length == 0 ? 0 : bytes.Max();
    }

    public static PreloadedTopic Produce(string bootstrapServers, string topic, int partitions, IReadOnlyList<byte[]> values, CancellationToken ct)
    {
        var worst = MaxPartitionBytes(values, partitions);
        if (worst > PartitionBudgetBytes)
            throw new InvalidOperationException(
                $"{values.Count:N0} records need {worst / 1048576.0:F1} MiB in one of {partitions} partitions of '{topic}', more than the embedded broker keeps " +
                $"({PartitionBudgetBytes / 1048576} MiB budget of its ~5 MiB); use more partitions or fewer events");

        var config = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            LingerMs = 20,
            BatchNumMessages = 10_000,
            BatchSize = 1_000_000,
            QueueBufferingMaxMessages = 200_000,
            ClientId = "nexmark-preload",
        };
        long delivered = 0;
        Error? failure = null;
        using (var producer = new ProducerBuilder<byte[]?, byte[]>(config).SetLogHandler((_, _) => { }).Build())
        {
            void OnDelivery(DeliveryReport<byte[]?, byte[]> r)
            {
                if (r.Error.IsError) Interlocked.CompareExchange(ref failure, r.Error, null);
                else Interlocked.Increment(ref delivered);
            }

            for (var i = 0; i < values.Count; i++)
            {
                var partition = new TopicPartition(topic, i % partitions);
                var message = new Message<byte[]?, byte[]> { Value = values[i] };
                while (true)
                {
                    try
                    {
                        producer.Produce(partition, message, OnDelivery);
                        break;
                    }
                    catch (ProduceException<byte[]?, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                    {
                        producer.Poll(TimeSpan.FromMilliseconds(10));
                    }
                }
                if ((i & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            }
            if (producer.Flush(TimeSpan.FromSeconds(60)) > 0) throw new TimeoutException($"preloading '{topic}' did not finish within 60 s");
        }
        if (Volatile.Read(ref failure) is { } error) throw new KafkaException(error);
        if (delivered != values.Count) throw new InvalidOperationException($"preloading '{topic}': {delivered:N0} of {values.Count:N0} records acknowledged");
        return Verify(bootstrapServers, topic, partitions, values);
    }

    /// <summary>Every partition must start at 0 (nothing dropped) and hold exactly its round-robin share.</summary>
    private static PreloadedTopic Verify(string bootstrapServers, string topic, int partitions, IReadOnlyList<byte[]> values)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "nexmark-preload-check" })
            .SetLogHandler((_, _) => { }).Build();
        var ends = new Dictionary<int, long>();
        for (var p = 0; p < partitions; p++)
        {
            var expected = values.Count / partitions + (p < values.Count % partitions ? 1 : 0);
            var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10));
            if (offsets.Low.Value != 0 || offsets.High.Value != expected)
                throw new InvalidOperationException(
                    $"'{topic}' [{p}] holds offsets {offsets.Low.Value}..{offsets.High.Value}, expected 0..{expected}: the embedded broker dropped records; use more partitions or fewer events");
            ends[p] = expected;
        }
        return new PreloadedTopic(topic, partitions, values.Count, values.Sum(v => (long)v.Length), ends);
    }
}
