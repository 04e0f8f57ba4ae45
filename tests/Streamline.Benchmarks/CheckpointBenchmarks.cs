using System.Diagnostics;
using Streamline.TestSupport;

namespace Streamline.Benchmarks;

/// <summary>
/// What checkpointing costs, on SQLite and PostgreSQL, in one run: throughput of a keyed windowed
/// pipeline with checkpoints off, every 1 s and every 100 ms; the time to first output after the
/// node ends abruptly and restarts from its last checkpoint; one savepoint of a large keyed state
/// and the restore from it, with a step-by-step breakdown of where its time goes.
/// </summary>
public static class CheckpointBenchmarks
{
    public static async Task RunAsync(CheckpointOptions options)
    {
        var clock = Stopwatch.StartNew();
        var dir = Directory.CreateTempSubdirectory("streamline-checkpoint-bench-").FullName;
        PostgresInstance? postgres = null;
        try
        {
            var stores = new List<CheckpointStore> { CheckpointStore.Sqlite(dir) };
            if (!options.Postgres) Console.WriteLine("PostgreSQL skipped: --no-postgres");
            else
            {
                try
                {
                    postgres = PostgresInstance.Start(new PostgresOptions { Fsync = true });
                    stores.Add(CheckpointStore.Postgres(postgres));
                }
                catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
                {
                    Console.WriteLine($"PostgreSQL skipped: no private server could be started: {e.Message.Split('\n')[0]}");
                }
            }
            foreach (var s in stores) Console.WriteLine($"{s.Name}: {s.Description}");
            if (options.RunsThroughput) Console.WriteLine($"Workload: {WindowedWorkload.Describe}.");
            if (options.RunsThroughput) Console.WriteLine($"Each run: a fresh node and database, {options.WarmupSeconds} s warm-up, {options.SecondsPerRun:0.#} s measured; {options.Rounds} rounds over all " +
                              "configurations, alternately forwards and backwards, after one unmeasured warm-up run (JIT). records/s = records the generator " +
                              "handed out (backpressure makes that the pipeline's rate); CPU = this process plus the PostgreSQL server's processes.");

            var rows = new List<ThroughputRow>();
            var recovery = new List<RecoveryRow>();
            if (options.RunsThroughput) await ThroughputAsync(options, stores, rows, recovery);
            var large = new List<LargeStateRow>();
            if (options.RunsLargeState)
            {
                foreach (var store in stores)
                {
                    Progress($"large state, {store.Name}, {options.StateMb} MiB");
                    large.Add(await CheckpointLargeState.RunAsync(store, options.StateMb));
                    GC.Collect();
                }
                CheckpointReport.LargeState(large);
                Progress("breakdown");
                CheckpointReport.Breakdown(options.StateMb, await CheckpointBreakdown.RunAsync(options.StateMb, stores));
            }
            var killed = new List<ProcessRecoveryRow>();
            if (options.RunsProcessRecovery)
            {
                foreach (var store in stores)
                {
                    Progress($"kill -9 of a node process, {store.Name}, {options.Kills} times");
                    killed.AddRange(await ProcessRecovery.RunAsync(store, options.Kills, Progress));
                }
                ProcessRecovery.Report(killed);
            }
            CheckpointReport.Targets(rows, large, recovery, options.StateMb);
            ProcessRecovery.Targets(killed);
            Console.WriteLine();
            Console.WriteLine($"Total {clock.Elapsed.TotalSeconds:F0} s; load average at the end: {LoadAverage()}");
        }
        finally
        {
            postgres?.Dispose();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Every configuration once per round; the 1 s runs of the last round end with the kill and restart.</summary>
    private static async Task ThroughputAsync(CheckpointOptions options, List<CheckpointStore> stores, List<ThroughputRow> rows, List<RecoveryRow> recovery)
    {
        // Tiered JIT and the first use of every code path, so the first measured run is not the slowest for that reason.
        Progress("warm-up run");
        await CheckpointThroughput.RunAsync("warm-up", stores[0], "1s", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), killAndRecover: false);

        var configs = new List<(string Name, CheckpointStore Store, string Interval)> { ("off", stores[0], "off") };
        foreach (var interval in new[] { "1s", "100ms" })
            foreach (var store in stores) configs.Add(($"{store.Name} {interval}", store, interval));
        for (var round = 0; round < options.Rounds; round++)
        {
            var order = round % 2 == 0 ? configs : Enumerable.Reverse(configs).ToList();
            foreach (var (name, store, interval) in order)
            {
                // The 1 s runs of the last round end abruptly: their restart is the recovery measurement.
                var kill = round == options.Rounds - 1 && interval == "1s";
                Progress($"round {round + 1}: {name}{(kill ? ", then kill and restart" : "")}");
                var (row, restart) = await CheckpointThroughput.RunAsync(name, store, interval, TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.SecondsPerRun), kill);
                rows.Add(row);
                if (restart is not null) recovery.Add(restart);
                GC.Collect();
            }
        }
        CheckpointReport.Throughput(rows);
        CheckpointReport.Recovery(recovery);
    }

    private static void Progress(string what) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {what} (load {LoadAverage()})");

    /// <summary>The 1-minute load average (Linux), to judge how shared the machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
