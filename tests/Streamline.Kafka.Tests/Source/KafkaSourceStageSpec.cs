using System.Text;
using Akka.Streams.Dsl;
using Akka.Streams.TestKit;
using Confluent.Kafka;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.Time;
using Streamline.Kafka.Source;
using Streamline.Kafka.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.Kafka.Tests.Source;

public sealed class KafkaSourceStageSpec : KafkaSpec
{
    public KafkaSourceStageSpec(ITestOutputHelper output) : base(output) { }

    private KafkaSourceSettings Settings(string topic, params int[] partitions) => SourceDefaults(topic, partitions);

    private (IKafkaSourceControl Control, TestSubscriber.Probe<StreamElement<T>> Records, TestSubscriber.Probe<StreamElement<DeadLetter>> DeadLetters) Run<T>(KafkaSourceStage<T> stage)
    {
        var ((control, dead), records) = stage.ToSource(this.SinkProbe<StreamElement<DeadLetter>>())
            .ToMaterialized(this.SinkProbe<StreamElement<T>>(), Keep.Both)
            .Run(Materializer);
        _ = Track(control.Completion);
        return (control, records, dead);
    }

    [Fact]
    public async Task Emits_records_in_partition_order_with_kafka_timestamps_and_headers_then_a_barrier_with_the_cut()
    {
        var topic = NewTopic(2);
        var headers = new Headers { { "trace", Encoding.UTF8.GetBytes("abc") } };
        await ProduceAsync(topic, Enumerable.Range(0, 5).Select(i => (0, (string?)null, $"a{i}", 1000L + i)), headers);
        await ProduceAsync(topic, Enumerable.Range(0, 3).Select(i => (1, (string?)null, $"b{i}", 2000L + i)), headers);

        var (control, probe, _) = Run(new KafkaSourceStage<string>(Settings(topic, 0, 1), Serdes.Utf8String));
        var records = RecordsOf(ReadUntil(probe, e => RecordsOf(e).Count == 8));

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"a{i}"), records.Where(r => r.Value.StartsWith('a')).Select(r => r.Value));
        Assert.Equal(Enumerable.Range(0, 3).Select(i => $"b{i}"), records.Where(r => r.Value.StartsWith('b')).Select(r => r.Value));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => 1000L + i), records.Where(r => r.Value.StartsWith('a')).Select(r => r.Timestamp));
        Assert.All(records, r => Assert.Equal("abc", Encoding.UTF8.GetString(r.Headers!.GetLast("trace")!)));

        var cut = control.InjectBarrier(new CheckpointBarrier(7, 0));
        var barrier = Assert.IsType<ControlElement<string>>(probe.RequestNext(Patience));
        Assert.Equal(new CheckpointBarrier(7, 0), barrier.Signal);
        var offsets = await cut.WaitAsync(Patience);
        Assert.Equal(5, offsets[0]);
        Assert.Equal(3, offsets[1]);
        Assert.Equal(0, control.Lag[0]);

        await StopAndDrain(control, probe);
    }

    [Fact]
    public async Task A_barrier_injected_before_the_partitions_are_assigned_waits_for_the_assignment_and_cuts_at_the_start_offsets()
    {
        var topic = NewTopic(2);
        await ProduceAsync(topic, [(0, null, "a0", 0L), (1, null, "b0", 0L)]);
        // The broker is down: the source cannot resolve its start offsets, so it is not assigned yet.
        Kafka.SetBrokerDown(1);
        var (control, probe, _) = Run(new KafkaSourceStage<string>(Settings(topic, 0, 1) with { StartTimeout = Patience }, Serdes.Utf8String));
        probe.Request(10);
        Assert.All(control.Positions.Values, position => Assert.Equal(-1, position));

        var cut = control.InjectBarrier(new CheckpointBarrier(1, 0));
        Kafka.SetBrokerUp(1);

        var offsets = await cut.WaitAsync(Patience);
        Assert.Equal(0, offsets[0]);
        Assert.Equal(0, offsets[1]);
        // The barrier comes before every record: it was injected before anything was read.
        Assert.Equal(new CheckpointBarrier(1, 0), Assert.IsType<ControlElement<string>>(probe.ExpectNext(Patience)).Signal);
        Assert.Equal(2, RecordsOf(ReadUntil(probe, e => RecordsOf(e).Count == 2)).Count);
        await StopAndDrain(control, probe);
    }

    [Fact]
    public async Task Start_offsets_are_honoured_and_committed_offsets_are_where_the_next_source_starts()
    {
        var topic = NewTopic(3);
        await ProduceAsync(topic, Enumerable.Range(0, 3).SelectMany(p => Enumerable.Range(0, 5).Select(i => (p, (string?)null, $"p{p}-{i}", 0L))));
        var settings = Settings(topic, 0, 1, 2).WithStartOffset(0, StartOffset.At(3)).WithStartOffset(1, StartOffset.Latest);

        var (control, probe, _) = Run(new KafkaSourceStage<string>(settings, Serdes.Utf8String));
        probe.Request(1);
        await AwaitConditionAsync(() => Task.FromResult(control.Positions[1] == 5), Patience);
        await ProduceAsync(topic, [(1, null, "p1-5", 0L)]);

        var first = RecordsOf(ReadUntil(probe, e => RecordsOf(e).Count == 8)).Select(r => r.Value).ToHashSet();
        Assert.Equal(new[] { "p0-3", "p0-4", "p1-5", "p2-0", "p2-1", "p2-2", "p2-3", "p2-4" }.ToHashSet(), first);

        await control.CommitOffsets(new Dictionary<int, long> { [0] = 4, [2] = 2 }).WaitAsync(Patience);
        await StopAndDrain(control, probe);

        // Same group, start at committed: partition 1 has no commit and falls back to earliest.
        var (next, nextProbe, _) = Run(new KafkaSourceStage<string>(settings with { DefaultStartOffset = StartOffset.Committed, StartOffsets = settings.StartOffsets.Clear() }, Serdes.Utf8String));
        var resumed = RecordsOf(ReadUntil(nextProbe, e => RecordsOf(e).Count == 10)).Select(r => r.Value).ToHashSet();
        var expected = new[] { "p0-4", "p2-2", "p2-3", "p2-4" }.Concat(Enumerable.Range(0, 6).Select(i => $"p1-{i}")).ToHashSet();
        Assert.Equal(expected, resumed);
        await StopAndDrain(next, nextProbe);
    }

    [Fact]
    public async Task Malformed_json_becomes_a_dead_letter_with_its_coordinates_while_good_records_flow()
    {
        var topic = NewTopic(1);
        var good = Serdes.Json<Order>();
        await ProduceAsync(topic,
        [
            (0, "k1", Encoding.UTF8.GetString(good.ToBytes(new Order("k1", 1, 10))), 0L),
            (0, "k2", "{\"key\": \"k2\", \"seq\": ", 0L),
            (0, "k3", Encoding.UTF8.GetString(good.ToBytes(new Order("k3", 3, 30))), 0L),
        ]);

        var (control, probe, dead) = Run(new KafkaSourceStage<Order>(Settings(topic, 0), good));
        dead.Request(1);
        var records = RecordsOf(ReadUntil(probe, e => RecordsOf(e).Count == 2));
        Assert.Equal(new[] { 1, 3 }, records.Select(r => r.Value.Seq));

        var batch = Assert.IsType<RecordBatch<DeadLetter>>(dead.ExpectNext(Patience));
        var letter = Assert.Single(batch.Records.ToArray()).Value;
        Assert.Equal(topic, letter.Topic);
        Assert.Equal(0, letter.Partition);
        Assert.Equal(1, letter.Offset);
        Assert.Equal("k2", Encoding.UTF8.GetString(letter.Key!));
        Assert.Equal("{\"key\": \"k2\", \"seq\": ", Encoding.UTF8.GetString(letter.Value!));
        Assert.Contains("json:Order", letter.Reason);
        Assert.Contains("invalid JSON", letter.Reason);

        await StopAndDrain(control, probe);
    }

    [Fact]
    public async Task Watermark_is_the_minimum_over_partitions_and_an_idle_partition_does_not_stall_it()
    {
        var topic = NewTopic(2);
        var serde = Serdes.Json<Order>();
        string Json(long ts) => Encoding.UTF8.GetString(serde.ToBytes(new Order("k", 0, ts)));
        await ProduceAsync(topic, [(0, null, Json(1000), 0L), (0, null, Json(2000), 0L), (1, null, Json(5000), 0L)]);

        var strategy = WatermarkStrategy<Order>.ForMonotonousTimestamps()
            .WithTimestampAssigner(o => o.Ts)
            .WithIdleness(TimeSpan.FromMilliseconds(600));
        var (control, probe, _) = Run(new KafkaSourceStage<Order>(Settings(topic, 0, 1), serde, strategy));

        static long Latest(IReadOnlyList<StreamElement<Order>> e) => SignalsOf(e).OfType<Watermark>().Select(w => w.Timestamp).DefaultIfEmpty(long.MinValue).Max();
        var phase1 = ReadUntil(probe, e => Latest(e) >= 1999);
        // Partition 1 is at 4999 but partition 0 holds the combined watermark at 2000 - 1.
        Assert.Equal(1999, Latest(phase1));
        Assert.Equal(3, RecordsOf(phase1).Count);
        Assert.Equal(5000, RecordsOf(phase1).Single(r => r.Value.Ts == 5000).Timestamp);

        // Only partition 0 moves on; once partition 1 is idle the watermark follows partition 0 alone.
        await ProduceAsync(topic, [(0, null, Json(8000), 0L)]);
        var phase2 = ReadUntil(probe, e => Latest(e) >= 7999);
        Assert.Equal(7999, Latest(phase2));

        // Both quiet: the source reports itself idle, and active again before the next record.
        var phase3 = ReadUntil(probe, e => SignalsOf(e).Contains(new IdleStatus(true)));
        Assert.Empty(RecordsOf(phase3));
        await ProduceAsync(topic, [(1, null, Json(9000), 0L)]);
        var phase4 = ReadUntil(probe, e => RecordsOf(e).Count == 1);
        Assert.Equal(new IdleStatus(false), Assert.IsType<ControlElement<Order>>(phase4[0]).Signal);

        await StopAndDrain(control, probe);
    }

    [Fact]
    public async Task A_slow_consumer_keeps_the_buffer_within_its_bound_by_pausing_partitions_and_loses_nothing()
    {
        var topic = NewTopic(2);
        const int perPartition = 1000;
        await ProduceAsync(topic, Enumerable.Range(0, 2).SelectMany(p => Enumerable.Range(0, perPartition).Select(i => (p, (string?)null, $"{p}:{i}", 0L))));
        var settings = Settings(topic, 0, 1) with { MaxBatchSize = 10, MaxBufferedRecords = 50 };

        var (control, probe, _) = Run(new KafkaSourceStage<string>(settings, Serdes.Utf8String));
        var elements = new List<StreamElement<string>> { probe.RequestNext(Patience) };
        await AwaitConditionAsync(() => Task.FromResult(control.IsPaused), Patience);
        Assert.InRange(control.BufferedRecords, 1, 50);

        // A few at a time, as a slow operator would ask.
        while (RecordsOf(elements).Count < 2 * perPartition)
        {
            probe.Request(3);
            for (var i = 0; i < 3 && RecordsOf(elements).Count < 2 * perPartition; i++) elements.Add(probe.ExpectNext(Patience));
            Assert.InRange(control.BufferedRecords, 0, 50);
        }

        Assert.InRange(control.MaxBufferedRecordsObserved, 1, 50);
        Assert.True(control.PauseCount >= 2, $"expected repeated pauses, saw {control.PauseCount}");
        var records = RecordsOf(elements);
        Assert.All(elements.OfType<RecordBatch<string>>(), b => Assert.InRange(b.Count, 1, 10));
        for (var p = 0; p < 2; p++)
        {
            var prefix = $"{p}:";
            Assert.Equal(Enumerable.Range(0, perPartition).Select(i => $"{p}:{i}"), records.Select(r => r.Value).Where(v => v.StartsWith(prefix, StringComparison.Ordinal)));
        }
        await StopAndDrain(control, probe);
    }
}
