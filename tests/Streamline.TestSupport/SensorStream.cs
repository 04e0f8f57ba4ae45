using System.Text.Json;
using Confluent.Kafka;
using Streamline.Kafka.Embedded;

namespace Streamline.TestSupport;

/// <summary>
/// The deterministic input of the exactly-once tests (reading i of sensor s{i % 13} at time
/// 1 000 000 + 5i ms, value i % 7 + 1) produced to the `readings` topic of an embedded Kafka, and
/// every window sum the pipeline wrote to `sums`, with the exact sums computed from the input.
/// </summary>
public sealed class SensorStream(EmbeddedKafka kafka)
{
    public const int Partitions = 6;
    private long _produced;

    public sealed record Reading(string Sensor, long Time, int Value);

    public long Produced => Interlocked.Read(ref _produced);

    public static Reading At(long i) => new($"s{i % 13}", 1_000_000 + i * 5, (int)(i % 7) + 1);

    public void CreateTopics()
    {
        kafka.CreateTopic("readings", Partitions);
        kafka.CreateTopic("sums", 3);
    }

    /// <summary>Produces readings at about <paramref name="perSecond"/> until cancelled.</summary>
    public Task ProduceUntil(CancellationToken stop, int perSecond) => Task.Run(async () =>
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers, LingerMs = 2 }).Build();
        var batch = Math.Max(1, perSecond / 50);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!stop.IsCancellationRequested && await timer.WaitForNextTickAsync(CancellationToken.None))
        {
            for (var k = 0; k < batch; k++)
            {
                var r = At(_produced);
                producer.Produce("readings", new Message<string, string> { Key = r.Sensor, Value = JsonSerializer.Serialize(r, JsonSerializerOptions.Web) });
                Interlocked.Increment(ref _produced);
            }
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    });

    /// <summary>One reading far in the future per partition: every partition's watermark passes every window.</summary>
    public void ProduceEndMarkers()
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        for (var p = 0; p < Partitions; p++)
            producer.Produce(new TopicPartition("readings", p), new Message<string, string> { Key = "end", Value = JsonSerializer.Serialize(new Reading($"end-{p}", 100_000_000_000, 0), JsonSerializerOptions.Web) });
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    /// <summary>How many sums the pipeline has written to `sums` so far (the partitions' high watermarks; end markers' sums included).</summary>
    public long SumsWritten() => SumOffsets().Sum();

    /// <summary>The end offset of each `sums` partition now: where sums written from now on start.</summary>
    public long[] SumOffsets()
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "offsets" }).Build();
        return Enumerable.Range(0, 3).Select(p => consumer.QueryWatermarkOffsets(new TopicPartition("sums", p), TimeSpan.FromSeconds(10)).High.Value).ToArray();
    }

    /// <summary>Blocks until a sum is written after <paramref name="offsets"/> (as <see cref="SumOffsets"/> gave them); false after the timeout.</summary>
    public bool WaitForSumAfter(long[] offsets, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "first", EnableAutoCommit = false, FetchWaitMaxMs = 10 }).Build();
        consumer.Assign(offsets.Select((offset, p) => new TopicPartitionOffset("sums", p, offset)));
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
            if (consumer.Consume(TimeSpan.FromMilliseconds(50)) is not null) return true;
        return false;
    }

    /// <summary>The exact sum of every 10 s window per sensor of the first <paramref name="count"/> readings.</summary>
    public static Dictionary<(string Sensor, long Start), long> Expected(long count)
    {
        var sums = new Dictionary<(string, long), long>();
        for (long i = 0; i < count; i++)
        {
            var r = At(i);
            var key = (r.Sensor, r.Time / 10_000 * 10_000);
            sums[key] = sums.GetValueOrDefault(key) + r.Value;
        }
        return sums;
    }

    /// <summary>
    /// Null when every sum written equals the input's (a lost record makes it smaller, a double
    /// count larger) and every window was written; otherwise what is wrong, with examples.
    /// </summary>
    public static string? Mismatch(Dictionary<(string Sensor, long Start), long> expected, List<((string Sensor, long Start) Window, long Sum)> sums)
    {
        var wrong = sums.Where(s => !expected.TryGetValue(s.Window, out var e) || e != s.Sum).ToList();
        if (wrong.Count > 0)
            return $"{wrong.Count} sums differ from the input's, e.g. " +
                   string.Join("; ", wrong.Take(5).Select(w => $"{w.Window}: wrote {w.Sum}, expected {expected.GetValueOrDefault(w.Window)}"));
        var missing = expected.Keys.Except(sums.Select(s => s.Window)).ToList();
        return missing.Count > 0 ? $"{missing.Count} windows never written, e.g. {string.Join(", ", missing.Take(5))}" : null;
    }

    /// <summary>Every sum written to `sums`, in order, until all of <paramref name="expected"/>'s windows were seen or the timeout passed.</summary>
    public List<((string Sensor, long Start) Window, long Sum)> ReadSums(IReadOnlyCollection<(string, long)> expected, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "verify", EnableAutoCommit = false }).Build();
        consumer.Assign(Enumerable.Range(0, 3).Select(p => new TopicPartitionOffset("sums", p, Offset.Beginning)));
        var all = new List<((string, long), long)>();
        var seen = new HashSet<(string, long)>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !expected.All(seen.Contains))
        {
            var m = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (m is null) continue;
            var sum = JsonDocument.Parse(m.Message.Value).RootElement;
            var window = (sum.GetProperty("sensor").GetString()!, sum.GetProperty("windowStart").GetInt64());
            if (window.Item1.StartsWith("end-", StringComparison.Ordinal)) continue;
            seen.Add(window);
            all.Add((window, sum.GetProperty("sum").GetInt64()));
        }
        return all;
    }
}
