using Confluent.Kafka;
using Streamline.Kafka.Embedded;
using Streamline.Kafka.Embedded.Internal;
using Xunit;

namespace Streamline.Kafka.Tests.Embedded;

public sealed class EmbeddedKafkaSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Produced_records_are_consumed_from_every_partition()
    {
        using var kafka = EmbeddedKafka.Start();
        kafka.CreateTopic("orders", partitions: 3);

        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build())
        {
            for (var p = 0; p < 3; p++)
                for (var i = 0; i < 5; i++)
                    await producer.ProduceAsync(new TopicPartition("orders", p), new Message<string, string> { Key = $"k{i}", Value = $"p{p}-{i}" });
        }

        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = "embedded-spec",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(Enumerable.Range(0, 3).Select(p => new TopicPartitionOffset("orders", p, Offset.Beginning)));
        var byPartition = new Dictionary<int, List<string>>();
        var deadline = DateTime.UtcNow + Timeout;
        while (byPartition.Values.Sum(l => l.Count) < 15 && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null) continue;
            if (!byPartition.TryGetValue(result.Partition.Value, out var list)) byPartition[result.Partition.Value] = list = new();
            list.Add(result.Message.Value);
        }
        consumer.Close();

        for (var p = 0; p < 3; p++)
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"p{p}-{i}"), byPartition[p]);
    }

    [Fact]
    public async Task Produce_waits_while_the_broker_is_down_and_delivers_everything_after_it_returns()
    {
        using var kafka = EmbeddedKafka.Start();
        kafka.CreateTopic("events", partitions: 1);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            EnableIdempotence = true,
            MessageTimeoutMs = 60_000,
        }).Build();
        await producer.ProduceAsync("events", new Message<Null, string> { Value = "before" });

        kafka.SetBrokerDown(1);
        var pending = Enumerable.Range(0, 20).Select(i => producer.ProduceAsync("events", new Message<Null, string> { Value = $"during-{i}" })).ToList();
        // Nothing can be acknowledged while the only broker is down.
        Assert.DoesNotContain(pending, t => t.IsCompletedSuccessfully);
        kafka.SetBrokerUp(1);

        var results = await Task.WhenAll(pending).WaitAsync(Timeout);
        Assert.All(results, r => Assert.Equal(PersistenceStatus.Persisted, r.Status));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), results.Select(r => r.Offset.Value));
    }

    [Fact]
    public void Several_clusters_coexist_and_dispose_twice_is_harmless()
    {
        var first = EmbeddedKafka.Start();
        using var second = EmbeddedKafka.Start(brokers: 3);
        Assert.NotEqual(first.BootstrapServers, second.BootstrapServers);
        Assert.Equal(3, second.BootstrapServers.Split(',').Length);
        second.CreateTopic("replicated", partitions: 2, replicationFactor: 3);
        first.Dispose();
        first.Dispose();
        Assert.Throws<ObjectDisposedException>(() => first.CreateTopic("late", 1));
    }

    [Fact]
    public void The_mock_api_comes_from_the_librdkafka_image_confluent_kafka_loaded()
    {
        using var kafka = EmbeddedKafka.Start();
        if (!OperatingSystem.IsLinux()) return;
        var images = File.ReadAllLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 6 && parts[5].Contains("librdkafka", StringComparison.Ordinal))
            .Select(parts => parts[5])
            .Distinct()
            .ToList();
        Assert.Single(images);
        Assert.Contains(MockNative.LoadedLibrary, images[0], StringComparison.Ordinal);
    }
}
