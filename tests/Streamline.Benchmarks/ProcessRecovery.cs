using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Streamline.Kafka.Embedded;
using Streamline.TestSupport;

namespace Streamline.Benchmarks;

/// <summary>
/// Recovery after kill -9 with real processes, as an operator sees it: a `streamline node` runs the
/// sensor-sums pipeline (embedded Kafka → keyed 10 s windows → Kafka, checkpoints every second)
/// while readings keep arriving; it is SIGKILLed at a random moment between checkpoints and a new
/// process is started at once on the same store (what a supervisor with no restart delay does).
/// Timed from the kill: the new process's first output line, its restore of the last checkpoint,
/// and its first window sum in Kafka. The sums are checked against the input at the end.
/// </summary>
public static partial class ProcessRecovery
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<List<ProcessRecoveryRow>> RunAsync(CheckpointStore store, int kills, Action<string> progress)
    {
        var dir = Directory.CreateTempSubdirectory("streamline-recovery-bench-").FullName;
        using var kafka = EmbeddedKafka.Start();
        var nodes = new NodeGroup();
        var rows = new List<ProcessRecoveryRow>();
        try
        {
            var stream = new SensorStream(kafka);
            stream.CreateTopics();
            var config = WriteConfig(dir, store.NewDatabaseForNode());
            using var stop = new CancellationTokenSource();
            var producing = stream.ProduceUntil(stop.Token, perSecond: 3000);
            var node = Start(nodes, config, kafka);
            var last = await nodes.NextCheckpoint(node, 0, Timeout);
            for (var kill = 1; kill <= kills; kill++)
            {
                last = await nodes.NextCheckpoint(node, last, Timeout);
                // Not a synchronization: the kill lands at a random moment between checkpoints.
                await Task.Delay(Random.Shared.Next(100, 900));
                var clock = Stopwatch.StartNew();
                node.Kill();
                node = Start(nodes, config, kafka);
                await nodes.WithLogs(node.WaitForLine(_ => true, Timeout));
                var toOutput = clock.Elapsed;
                // The new process cannot have written anything yet, and the dead one's last sends have landed.
                var offsets = stream.SumOffsets();
                var restoredAt = nodes.WithLogs(node.WaitForLine(l => RestoredLine().IsMatch(l), Timeout)).ContinueWith(t => (t.Result, clock.Elapsed), TaskScheduler.Default);
                var first = await Task.Run(() => stream.WaitForSumAfter(offsets, Timeout));
                var toFirst = clock.Elapsed;
                if (!first) throw new TimeoutException($"no window sum within {Timeout} after kill {kill}\n{nodes.Logs()}");
                var (line, toRestored) = await restoredAt;
                var restored = long.Parse(RestoredLine().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
                rows.Add(new ProcessRecoveryRow(store.Name, kill, last, restored, toOutput, toRestored, toFirst));
                progress($"  kill {kill}: restored checkpoint {restored} (last completed before the kill: {last}), first sum {toFirst.TotalSeconds:F2} s after the kill");
                last = Math.Max(last, restored);
            }
            stop.Cancel();
            await producing;
            stream.ProduceEndMarkers();
            var expected = SensorStream.Expected(stream.Produced);
            var mismatch = SensorStream.Mismatch(expected, stream.ReadSums(expected.Keys, Timeout));
            if (mismatch is not null) throw new InvalidOperationException($"{store.Name}: after {kills} kills the window sums are not exact: {mismatch}");
            progress($"  {stream.Produced} readings, {expected.Count} windows: every sum exact");
            return rows;
        }
        finally
        {
            nodes.Dispose();
            Directory.Delete(dir, recursive: true);
        }
    }

    public static void Report(IReadOnlyList<ProcessRecoveryRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("## Recovery after kill -9 of a node process (real processes)");
        Console.WriteLine("| store | kill | last checkpoint before the kill | restored | new process's first output line | restored (tasks started) | **first window sum in Kafka** |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
            Console.WriteLine($"| {r.Store} | {r.Kill} | {r.CheckpointBefore} | {r.Restored} | {Seconds(r.ToProcessOutput)} | {Seconds(r.ToRestored)} | **{Seconds(r.ToFirstOutput)}** |");
        Console.WriteLine("All times from the SIGKILL; the new process is started right after it (no supervisor delay). It joins itself as a one-node " +
                          "cluster, its pipeline manager finds sensor-sums in its journal, and the pipeline restores its last completed checkpoint " +
                          "(Kafka offsets and open windows) and reads on from there; the first sum is the first window that closes after that. " +
                          "Windows are 10 s of event time, readings 5 ms apart, produced at 3 000/s: a window closes about every 0.7 s of wall time.");
    }

    public static void Targets(IReadOnlyList<ProcessRecoveryRow> rows)
    {
        foreach (var g in rows.GroupBy(r => r.Store))
        {
            var times = g.Select(r => r.ToFirstOutput).Order().ToList();
            var worst = times[^1];
            Console.WriteLine($"* recovery after kill -9 ≤ 10 s to first output, {g.Key} (real node process, {times.Count} kills): median {Seconds(times[times.Count / 2])}, " +
                              $"max {Seconds(worst)} — {(worst <= TimeSpan.FromSeconds(10) ? "met" : "missed")}");
        }
    }

    private static NodeProcess Start(NodeGroup nodes, string config, EmbeddedKafka kafka)
    {
        var node = new NodeProcess(config, "--kafka", kafka.BootstrapServers, "--submit", "sensor-sums");
        nodes.Add(node);
        return node;
    }

    private static string WriteConfig(string dir, string persistence) =>
        NodeConfig.Write(Path.Combine(dir, "node.conf"), LoopbackPort.Free(), $"""
            streamline.runtime.checkpoints.interval = 1s
            {persistence}
            """);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";

    [GeneratedRegex(@"restored checkpoint (\d+)")]
    private static partial Regex RestoredLine();
}
