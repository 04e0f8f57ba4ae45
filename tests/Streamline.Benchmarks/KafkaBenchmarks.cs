using Akka.Actor;
using Confluent.Kafka;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Serdes;
using Streamline.Kafka.Dsl;
using Streamline.Kafka.Embedded;
using Streamline.Kafka.Source;

namespace Streamline.Benchmarks;

/// <summary>
/// Kafka → map → Kafka through Streamline beside a plain Confluent.Kafka consume→produce loop on
/// the same embedded broker, same records, same run: the engine's overhead as a ratio.
/// </summary>
public static class KafkaBenchmarks
{
    private const int Partitions = 8;
    private const int ValueBytes = 100;

    public static async Task RunAsync(ActorSystem system, long requested)
    {
        // The embedded broker keeps ~5 MiB per partition: stay well below so nothing is dropped.
        var records = Math.Min(requested, Partitions * 30_000L);
        using var kafka = EmbeddedKafka.Start();
        kafka.CreateTopic("bench-in", Partitions);
        kafka.CreateTopic("bench-out-baseline", Partitions);
        kafka.CreateTopic("bench-out-streamline", Partitions);
        Preload(kafka.BootstrapServers, records);

        var rows = new List<Measurement>
        {
            await Measurement.RunAsync("plain Confluent.Kafka consume→produce loop", records, () => Task.Run(() => Baseline(kafka.BootstrapServers, records))),
            await Measurement.RunAsync("Streamline FromKafka→Map→ToKafka", records, () => Streamline(system, kafka.BootstrapServers, records)),
        };
        Report.Print($"Kafka source → map → Kafka sink, {records:N0} records of {ValueBytes} B, {Partitions} partitions, embedded broker", rows);
    }

    private static void Preload(string bootstrap, long records)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 20, BatchNumMessages = 10_000 })
            .SetLogHandler((_, _) => { }).Build();
        var value = new byte[ValueBytes];
        for (long i = 0; i < records; i++)
        {
            BitConverter.TryWriteBytes(value, i);
            while (true)
            {
                try
                {
                    producer.Produce(new TopicPartition("bench-in", (int)(i % Partitions)), new Message<byte[]?, byte[]> { Value = (byte[])value.Clone() });
                    break;
                }
                catch (ProduceException<byte[]?, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(50));
                }
            }
        }
        producer.Flush(TimeSpan.FromSeconds(60));
    }

    private static void Baseline(string bootstrap, long records)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "baseline", EnableAutoCommit = false })
            .SetLogHandler((_, _) => { }).Build();
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 5, EnableIdempotence = true, Acks = Acks.All })
            .SetLogHandler((_, _) => { }).Build();
        consumer.Assign(Enumerable.Range(0, Partitions).Select(p => new TopicPartitionOffset("bench-in", p, Offset.Beginning)));
        long consumed = 0, delivered = 0;
        while (consumed < records)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is null) continue;
            consumed++;
            var value = result.Message.Value;
            value[0] ^= 1; // the same trivial map Streamline runs
            while (true)
            {
                try
                {
                    producer.Produce("bench-out-baseline", new Message<byte[]?, byte[]> { Value = value }, r =>
                    {
                        if (r.Error.IsError) throw new KafkaException(r.Error);
                        Interlocked.Increment(ref delivered);
                    });
                    break;
                }
                catch (ProduceException<byte[]?, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }
        producer.Flush(TimeSpan.FromSeconds(60));
        if (Interlocked.Read(ref delivered) != records) throw new InvalidOperationException($"baseline delivered {delivered} of {records}");
    }

    private static async Task Streamline(ActorSystem system, string bootstrap, long records)
    {
        var p = PipelineBuilder.Create("kafka-bench");
        p.FromKafka(bootstrap, "bench-in", Serdes.Bytes, settings: KafkaSourceSettings.Default with { DefaultStartOffset = StartOffset.Earliest, GroupId = "streamline-bench" })
            .Map(v =>
            {
                v[0] ^= 1;
                return v;
            })
            .ToKafka(bootstrap, "bench-out-streamline", Serdes.Bytes, name: "out");
        var running = LocalRunner.Run(p.Build(), system);
        var sink = running.Sinks["out"];
        // The Kafka source is unbounded; poll the sink's delivered count (a benchmark, not a test).
        while (sink.RecordsWritten < records)
        {
            if (running.Completion.IsFaulted) await running.Completion;
            await Task.Delay(5);
        }
        running.Stop();
        await running.Completion.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
