using System.Text;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Kafka.Producer;
using Streamline.Kafka.Sink;
using Streamline.Kafka.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.Kafka.Tests.Producer;

public sealed class StreamlineProducerSpec : KafkaSpec
{
    public StreamlineProducerSpec(ITestOutputHelper output) : base(output) { }

    [Fact]
    public async Task Batched_and_awaited_records_arrive_with_the_pipeline_serde_key_and_headers()
    {
        var topic = NewTopic(2);
        var settings = KafkaSinkSettings.Default.WithBootstrapServers(Kafka.BootstrapServers).WithTopic(topic) with { MaxInFlight = 16 };
        var serde = Serdes.Json<Order>();
        using (var producer = new StreamlineProducer<Order>(settings, serde, o => Encoding.UTF8.GetBytes(o.Key)))
        {
            for (var i = 0; i < 100; i++) producer.Produce(new Order($"k{i % 5}", i, 1000 + i), timestamp: 1000 + i);
            producer.Flush(Patience);
            var result = await producer.ProduceAsync(new Order("k0", 100, 0), new RecordHeaders().Add("trace", [1, 2]));
            Assert.Equal(topic, result.Topic);
            Assert.Equal(101, producer.Delivered);
        }

        var records = ConsumeAll(topic, 2, 101);
        Assert.Equal(101, records.Count);
        var orders = records.Select(r => serde.Deserialize(Encoding.UTF8.GetBytes(r.Message.Value))).ToList();
        Assert.Equal(Enumerable.Range(0, 101), orders.Select(o => o.Seq).Order());
        Assert.All(records, r => Assert.Equal(serde.Deserialize(Encoding.UTF8.GetBytes(r.Message.Value)).Key, r.Message.Key));
        // One key, one partition: every k0 record is in the same partition, in produce order.
        var k0 = records.Where(r => r.Message.Key == "k0").ToList();
        Assert.Single(k0.Select(r => r.Partition.Value).Distinct());
        Assert.Equal(new byte[] { 1, 2 }, records.Single(r => r.Message.Headers.Count > 0).Message.Headers.GetLastBytes("trace"));
    }

    [Fact]
    public void A_failed_delivery_is_thrown_by_the_next_flush()
    {
        var topic = NewTopic(1);
        var settings = KafkaSinkSettings.Default.WithBootstrapServers(Kafka.BootstrapServers).WithTopic(topic) with { DeliveryTimeout = TimeSpan.FromMilliseconds(300) };
        using var producer = new StreamlineProducer<string>(settings, Serdes.Utf8String);
        Kafka.SetBrokerDown(1);
        producer.Produce("lost");
        var error = Assert.Throws<KafkaDeliveryException>(() => producer.Flush(Patience));
        Assert.Contains(topic, error.Message);
        Kafka.SetBrokerUp(1);
    }
}
