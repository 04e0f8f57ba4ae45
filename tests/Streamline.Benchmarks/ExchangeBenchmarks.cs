namespace Streamline.Benchmarks;

/// <summary>
/// Records/s through a hash exchange: fused baseline, local exchange (two islands, one ActorSystem),
/// and a remote exchange between two ActorSystems over loopback TCP, per batch size; then the
/// Akka.Remote settings compared, where the time goes, a soak, and a receiver in a second OS process.
/// </summary>
public static class ExchangeBenchmarks
{
    public static readonly int[] BatchSizes = [64, 256, 1024, 4096];
    private static int _runs;

    public static async Task RunAsync(long records, int soakSeconds)
    {
        // The generator builds batches of 2×B so that each of the two targets gets batches of ~B on the wire.
        var maxWire = 2 * BatchSizes.Max();
        Console.WriteLine($"maximum-frame-size = {ExchangeNode.FrameSize(maxWire)} bytes (for {maxWire} records of {ExchangeWorkload.RecordBytes} bytes)");
        await using var local = new ExchangeNode("local", ExchangeNode.Local());
        await using var a = new ExchangeNode("node-a", ExchangeNode.Remote(maxWire, RemoteTuning.Tuned));
        await using var b = new ExchangeNode("node-b", ExchangeNode.Remote(maxWire, RemoteTuning.Tuned));

        // Warm-up pass so the measured pass runs tiered-up code over an associated connection.
        foreach (var batch in BatchSizes) await Table(local, a, b, Math.Min(records, 300_000), [batch]);
        var rows = await Table(local, a, b, records, BatchSizes);
        ExchangeReport.Print($"Hash exchange, {records:N0} records of {ExchangeWorkload.RecordBytes} B, 2 targets, credits {ExchangeWorkload.Credits}", rows);

        var tuning = new List<ExchangeRow> { rows.Single(r => r.Name.StartsWith("remote", StringComparison.Ordinal) && r.Batch == 1024) with { Name = $"remote: {RemoteTuning.Tuned.Name}" } };
        foreach (var t in new[] { RemoteTuning.AkkaDefaults, RemoteTuning.NoBatching })
        {
            await using var ta = new ExchangeNode("tune-a", ExchangeNode.Remote(maxWire, t));
            await using var tb = new ExchangeNode("tune-b", ExchangeNode.Remote(maxWire, t));
            await Remote(ta, tb, "warm-up", Math.Min(records, 300_000), 1024);
            tuning.Add(await Remote(ta, tb, $"remote: {t.Name}", records, 1024));
        }
        ExchangeReport.Print("Akka.Remote settings, batch 1024", tuning);

        await ExchangeBreakdown.RunAsync(a, b, records);
        await ExchangeProcess.RunAsync(a, records, maxWire);
        await ExchangeSoak.RunAsync(a, b, 1024, soakSeconds);
    }

    private static async Task<List<ExchangeRow>> Table(ExchangeNode local, ExchangeNode a, ExchangeNode b, long records, int[] batches)
    {
        var rows = new List<ExchangeRow>();
        foreach (var batch in batches)
        {
            var counter = new RecordCounter();
            var fused = await Measurement.RunAsync($"fused (no exchange), batch {batch}", records,
                () => ExchangeWorkload.RunFused(local.Materializer, records, 2 * batch, counter));
            rows.Add(Row(fused, batch, counter, records));
            rows.Add(await Exchange(local, local, $"local exchange, batch {batch}", records, batch));
            rows.Add(await Remote(a, b, $"remote exchange, batch {batch}", records, batch));
        }
        return rows;
    }

    public static Task<ExchangeRow> Remote(ExchangeNode a, ExchangeNode b, string name, long records, int batch) => Exchange(a, b, name, records, batch);

    /// <summary>Sender task on <paramref name="a"/>, endpoint and receiver tasks on <paramref name="b"/> (the same node for a local exchange).</summary>
    private static async Task<ExchangeRow> Exchange(ExchangeNode a, ExchangeNode b, string name, long records, int batch)
    {
        var counter = new RecordCounter();
        var id = Interlocked.Increment(ref _runs);
        var m = await Measurement.RunAsync(name, records, async () =>
        {
            var endpoint = b.StartEndpoint($"exchange-{id}");
            var received = ExchangeWorkload.RunReceivers(b.Materializer, endpoint, counter);
            var target = ReferenceEquals(a, b) ? endpoint : a.Resolve(b.Address, $"/user/exchange-{id}");
            ExchangeWorkload.RunSender(a.Materializer, ExchangeWorkload.Generate(records, 2 * batch), 2 * batch, target);
            await received.WaitAsync(TimeSpan.FromMinutes(10));
        });
        return Row(m, batch, counter, records);
    }

    private static ExchangeRow Row(Measurement m, int batch, RecordCounter counter, long records)
    {
        if (counter.Records != records) throw new InvalidOperationException($"{m.Name}: {counter.Records} of {records} records arrived");
        return new ExchangeRow(m.Name, batch, (double)counter.Records / counter.Batches, m);
    }
}

/// <summary>One measured run and the average records per batch that reached the sinks.</summary>
public sealed record ExchangeRow(string Name, int Batch, double WireBatch, Measurement M)
{
    public double MegabytesPerSecond => M.Records * (double)ExchangeWorkload.RecordBytes / M.Wall.TotalSeconds / 1e6;
}

/// <summary>Prints exchange runs with payload MB/s and each run relative to the fused run of its batch size.</summary>
public static class ExchangeReport
{
    public static void Print(string title, IReadOnlyList<ExchangeRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine($"| {"run",-42} | {"avg batch",9} | {"rec/s",11} | {"MB/s",6} | {"cpu s",6} | {"rec/cpu-s",11} | {"B/rec",7} | {"gc0/1/2",9} | {"vs first",8} |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var first = rows.First(x => x.Batch == r.Batch).M.RecordsPerSecond;
            var m = r.M;
            Console.WriteLine($"| {r.Name,-42} | {r.WireBatch,9:F0} | {m.RecordsPerSecond,11:N0} | {r.MegabytesPerSecond,6:F1} | {m.Cpu.TotalSeconds,6:F2} | " +
                              $"{m.RecordsPerCpuSecond,11:N0} | {m.BytesPerRecord,7:F1} | {$"{m.Gen0}/{m.Gen1}/{m.Gen2}",9} | {m.RecordsPerSecond / first,8:P0} |");
        }
    }
}
