using System.Text;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.TestKit;
using Confluent.Kafka;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Kafka.Sink;
using Streamline.Kafka.Source;
using Streamline.Kafka.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.Kafka.Tests.Sink;

public sealed class KafkaSinkStageSpec : KafkaSpec
{
    private static readonly ISerde<Order> Json = Serdes.Json<Order>();

    public KafkaSinkStageSpec(ITestOutputHelper output) : base(output) { }

    private KafkaSinkSettings SinkSettings(string topic) => KafkaSinkSettings.Default.WithBootstrapServers(Kafka.BootstrapServers).WithTopic(topic);

    private KafkaSourceSettings SourceSettings(string topic, int partitions) =>
        SourceDefaults(topic, Enumerable.Range(0, partitions).ToArray()) with { MaxBatchSize = 20, MaxBufferedRecords = 100 };

    private static byte[] KeyOf(Order order) => Encoding.UTF8.GetBytes(order.Key);

    /// <summary>Collects the signals the sink reports durable.</summary>
    private sealed class Durability
    {
        private readonly List<(ControlSignal Signal, TaskCompletionSource Reached)> _waiting = new();
        private readonly List<ControlSignal> _seen = new();

        public IReadOnlyList<ControlSignal> Seen { get { lock (_seen) return _seen.ToList(); } }

        public Task WhenDurable(ControlSignal signal)
        {
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_seen)
            {
                if (_seen.Contains(signal)) tcs.SetResult();
                else _waiting.Add((signal, tcs));
            }
            return tcs.Task;
        }

        public void OnDurable(ControlSignal signal)
        {
            lock (_seen)
            {
                _seen.Add(signal);
                foreach (var (_, reached) in _waiting.Where(w => w.Signal == signal)) reached.TrySetResult();
            }
        }
    }

    /// <summary>Input records keyed k0..k(keys-1), produced by key (so partitioned by the same hash as the sink's).</summary>
    private async Task<List<Order>> ProduceKeyed(string topic, int count, int keys, int from = 0)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = Kafka.BootstrapServers, LingerMs = 1, ReconnectBackoffMaxMs = 200 }).Build();
        var orders = Enumerable.Range(from, count).Select(i => new Order($"k{i % keys}", i, 1_000_000 + i)).ToList();
        var pending = orders.Select(o => producer.ProduceAsync(topic, new Message<string, string>
        {
            Key = o.Key,
            Value = Encoding.UTF8.GetString(Json.ToBytes(o)),
            Timestamp = new Timestamp(o.Ts, TimestampType.CreateTime),
            Headers = new Headers { { "origin", Encoding.UTF8.GetBytes($"seq-{o.Seq}") } },
        })).ToList();
        await Task.WhenAll(pending).WaitAsync(Patience);
        return orders;
    }

    /// <summary>What a topic holds, per partition, in offset order: (key, value, timestamp, origin header).</summary>
    private Dictionary<int, List<(string Key, string Value, long Ts, string Origin)>> Contents(string topic, int partitions, int count) =>
        ConsumeAll(topic, partitions, count)
            .GroupBy(r => r.Partition.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Offset.Value)
                .Select(r => (r.Message.Key!, r.Message.Value, r.Message.Timestamp.UnixTimestampMs, Encoding.UTF8.GetString(r.Message.Headers.GetLastBytes("origin"))))
                .ToList());

    /// <summary>
    /// Source → buffer → valve → sink. The valve starts open unless <paramref name="gated"/>; while
    /// it is closed the buffer (room for 1280 records) keeps pulling, so the source reads ahead.
    /// </summary>
    private (IKafkaSourceControl Source, IKafkaSinkControl Sink, Durability Durability, Task<IValveSwitch> Valve) StartPipeline(
        string input, string output, int partitions, KafkaSinkSettings? sinkSettings = null, bool gated = false)
    {
        var durability = new Durability();
        var source = new KafkaSourceStage<Order>(SourceSettings(input, partitions), Json);
        var sink = new KafkaSinkStage<Order>(sinkSettings ?? SinkSettings(output), Json, KeyOf, durability.OnDurable);
        var (((sourceControl, _), valve), sinkControl) = source.ToSource(Akka.Streams.Dsl.Sink.Ignore<StreamElement<DeadLetter>>())
            .Buffer(64, OverflowStrategy.Backpressure)
            .ViaMaterialized(new Valve<StreamElement<Order>>(gated ? SwitchMode.Close : SwitchMode.Open), Keep.Both)
            .ToMaterialized(sink.ToSink(), Keep.Both)
            .Run(Materializer);
        _ = Track(sourceControl.Completion);
        _ = Track(sinkControl.Completion);
        return (sourceControl, sinkControl, durability, valve);
    }

    /// <summary>Waits until the source has read up to <paramref name="ends"/>, then checkpoints and waits for the sink.</summary>
    private async Task<IReadOnlyDictionary<int, long>> Checkpoint(IKafkaSourceControl source, Durability durability, long id, IReadOnlyDictionary<int, long> ends)
    {
        await AwaitConditionAsync(() => Task.FromResult(ends.All(e => source.Positions[e.Key] >= e.Value)), Patience);
        var barrier = new CheckpointBarrier(id, 0);
        var cut = await source.InjectBarrier(barrier).WaitAsync(Patience);
        await durability.WhenDurable(barrier).WaitAsync(Patience);
        return cut;
    }

    private Dictionary<int, long> EndOffsets(string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = Kafka.BootstrapServers, GroupId = "ends" }).Build();
        return Enumerable.Range(0, partitions).ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), Patience).High.Value);
    }

    [Fact]
    public async Task Source_to_sink_round_trip_reproduces_every_partition_exactly()
    {
        var input = NewTopic(3);
        var output = NewTopic(3);
        var orders = await ProduceKeyed(input, 600, keys: 40);

        var (source, sink, durability, _) = StartPipeline(input, output, 3);
        var cut = await Checkpoint(source, durability, 1, EndOffsets(input, 3));
        Assert.Equal(600, cut.Values.Sum());
        Assert.Equal(600, sink.Delivered);

        await source.Stop().WaitAsync(Patience);
        await sink.Completion.WaitAsync(Patience);
        Assert.Contains(KafkaSinkStage<Order>.EndOfInput, durability.Seen);

        var expected = Contents(input, 3, 600);
        var actual = Contents(output, 3, 600);
        Assert.Equal(600, actual.Values.Sum(l => l.Count));
        for (var p = 0; p < 3; p++) Assert.Equal(expected[p], actual[p]);
    }

    [Fact]
    public async Task The_sink_never_has_more_records_in_flight_than_its_bound()
    {
        var output = NewTopic(2);
        var settings = SinkSettings(output) with { MaxInFlight = 8, Linger = TimeSpan.FromMilliseconds(20) };
        var durability = new Durability();
        var (publisher, sink) = this.SourceProbe<StreamElement<Order>>()
            .ToMaterialized(new KafkaSinkStage<Order>(settings, Json, KeyOf, durability.OnDurable).ToSink(), Keep.Both)
            .Run(Materializer);
        _ = Track(sink.Completion);

        for (var b = 0; b < 10; b++)
        {
            var batch = new RecordBatch<Order>(50);
            for (var i = 0; i < 50; i++) batch.Add(new Order($"k{i % 7}", b * 50 + i, 0), 0);
            publisher.SendNext(batch);
        }
        publisher.SendNext(new ControlElement<Order>(new FlushMarker(1)));
        await durability.WhenDurable(new FlushMarker(1)).WaitAsync(Patience);

        Assert.Equal(500, sink.Delivered);
        Assert.Equal(0, sink.InFlight);
        Assert.Equal(8, sink.MaxInFlightObserved);
        publisher.SendComplete();
        await sink.Completion.WaitAsync(Patience);
        Assert.Equal(500, ConsumeAll(output, 2, 500).Count);
    }

    [Fact]
    public async Task Broker_down_and_up_mid_stream_loses_nothing()
    {
        var input = NewTopic(3);
        var output = NewTopic(3);
        await ProduceKeyed(input, 600, keys: 30);
        // The valve holds the sink back until the broker is down, so the outage hits both a
        // source with records still to fetch and a sink with records in flight.
        var ends = EndOffsets(input, 3);
        var sinkSettings = (SinkSettings(output) with { MaxInFlight = 40 }).WithProperty("reconnect.backoff.max.ms", "200");
        var (source, sink, durability, valve) = StartPipeline(input, output, 3, sinkSettings, gated: true);
        await AwaitConditionAsync(() => Task.FromResult(ends.All(e => source.Positions[e.Key] == e.Value)), Patience);

        Kafka.SetBrokerDown(1);
        await (await valve.WaitAsync(Patience)).Flip(SwitchMode.Open).WaitAsync(Patience);
        // Input written during the outage waits in the test producer and lands after the broker returns.
        var more = ProduceKeyed(input, 300, keys: 30, from: 600);
        await AwaitConditionAsync(() => Task.FromResult(sink.InFlight > 0 && source.LastError is not null), Patience);
        Assert.Equal(0, sink.Delivered);
        Kafka.SetBrokerUp(1);
        await more;

        await Checkpoint(source, durability, 1, EndOffsets(input, 3));
        await source.Stop().WaitAsync(Patience);
        await sink.Completion.WaitAsync(Patience);

        // librdkafka retries the unacknowledged records after reconnecting and the idempotent
        // producer's sequence numbers let the broker drop any copy it already had, so the output
        // is exact. (At-least-once still applies across restarts: a sink restarted from a
        // checkpoint re-sends what came after the barrier.)
        var expected = Contents(input, 3, 900);
        var actual = Contents(output, 3, 900);
        for (var p = 0; p < 3; p++) Assert.Equal(expected[p], actual[p]);
        Assert.Equal(900, sink.Delivered);
    }

    [Fact]
    public async Task A_record_that_cannot_be_delivered_fails_the_sink_naming_the_topic()
    {
        var output = NewTopic(1);
        var settings = SinkSettings(output) with { DeliveryTimeout = TimeSpan.FromMilliseconds(500) };
        var (publisher, sink) = this.SourceProbe<StreamElement<Order>>()
            .ToMaterialized(new KafkaSinkStage<Order>(settings, Json).ToSink(), Keep.Both)
            .Run(Materializer);
        _ = Track(sink.Completion.ContinueWith(_ => { }, TaskScheduler.Default));

        Kafka.SetBrokerDown(1);
        publisher.SendNext(RecordBatch<Order>.Of(new Record<Order>(new Order("k", 1, 0), 0)));
        var error = await Assert.ThrowsAsync<KafkaDeliveryException>(() => sink.Completion.WaitAsync(Patience));
        Assert.Contains(output, error.Message);
        Assert.Equal(ErrorCode.Local_MsgTimedOut, error.Error.Code);
        Kafka.SetBrokerUp(1);
    }
}
