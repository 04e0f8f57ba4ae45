using Confluent.Kafka;
using Streamline.Kafka.Sink;
using Streamline.Kafka.Source;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>
/// The baseline: a plain Confluent.Kafka consume → produce loop that copies every input record
/// (key and value bytes, same partition) to another topic. Consumer and producer use the same
/// settings as Streamline's Kafka source and sink defaults (idempotent, acks=all, linger 5 ms, ...),
/// so the two paths differ only in what lies between consume and produce.
/// </summary>
internal static class KafkaCopyLoop
{
    /// <summary>Copies <paramref name="input"/> entirely; returns records consumed and acknowledged.</summary>
    public static (long Consumed, long Delivered) Run(string bootstrapServers, PreloadedTopic input, string outputTopic, CancellationToken ct)
    {
        var source = KafkaSourceSettings.Default;
        var consumerConfig = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"nexmark-baseline-{outputTopic}",
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
            ClientId = "nexmark-baseline-consumer",
        };
        foreach (var (key, value) in source.Properties) consumerConfig.Set(key, value);
        var sink = KafkaSinkSettings.Default;
        var producerConfig = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            LingerMs = sink.Linger.TotalMilliseconds,
            BatchSize = sink.BatchSizeBytes,
            BatchNumMessages = sink.BatchNumMessages,
            Acks = sink.Acks,
            EnableIdempotence = sink.EnableIdempotence,
            MessageTimeoutMs = (int)sink.DeliveryTimeout.TotalMilliseconds,
            QueueBufferingMaxMessages = Math.Max(sink.MaxInFlight, 100_000),
            ClientId = "nexmark-baseline-producer",
        };
        foreach (var (key, value) in sink.Properties) producerConfig.Set(key, value);

        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(consumerConfig).SetLogHandler((_, _) => { }).Build();
        using var producer = new ProducerBuilder<byte[]?, byte[]>(producerConfig).SetLogHandler((_, _) => { }).Build();
        long delivered = 0;
        Error? failure = null;
        void OnDelivery(DeliveryReport<byte[]?, byte[]> r)
        {
            if (r.Error.IsError) Interlocked.CompareExchange(ref failure, r.Error, null);
            else Interlocked.Increment(ref delivered);
        }

        consumer.Assign(Enumerable.Range(0, input.Partitions).Select(p => new TopicPartitionOffset(input.Name, p, Offset.Beginning)));
        long consumed = 0;
        while (consumed < input.Records)
        {
            ct.ThrowIfCancellationRequested();
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is null) continue;
            consumed++;
            var target = new TopicPartition(outputTopic, result.Partition);
            var message = new Message<byte[]?, byte[]> { Key = result.Message.Key, Value = result.Message.Value };
            while (true)
            {
                try
                {
                    producer.Produce(target, message, OnDelivery);
                    break;
                }
                catch (ProduceException<byte[]?, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(1));
                }
            }
        }
        if (producer.Flush(TimeSpan.FromSeconds(60)) > 0) throw new TimeoutException("the baseline loop's producer did not flush within 60 s");
        if (Volatile.Read(ref failure) is { } error) throw new KafkaException(error);
        consumer.Close();
        return (consumed, Interlocked.Read(ref delivered));
    }
}
