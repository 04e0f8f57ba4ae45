using System.Diagnostics;
using Akka.Configuration;
using Streamline.Runtime.Coordination;

namespace Streamline.Benchmarks;

/// <summary>
/// Runs the windowed pipeline on a fresh node with one checkpoint interval: warm-up, then input
/// records/s and checkpoints over a fixed window; optionally ends the node abruptly and times
/// the restart from its last checkpoint.
/// </summary>
public static class CheckpointThroughput
{
    public static async Task<(ThroughputRow Row, RecoveryRow? Recovery)> RunAsync(string config, CheckpointStore store, string interval, TimeSpan warmup, TimeSpan measured, bool killAndRecover)
    {
        var persistence = store.NewDatabase();
        var workload = new WindowedWorkload();
        var node = await CheckpointNode.StartAsync(persistence, interval, workload.Registry());
        var killed = false;
        try
        {
            var handle = await node.Node.SubmitAsync(WindowedWorkload.Pipeline);
            await handle.Started.WaitAsync(TimeSpan.FromSeconds(60));
            var recorder = new CheckpointRecorder(handle);
            await Task.Delay(warmup);
            ThrowIfFailed(handle);

            using var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime + store.ExternalCpu();
            var n0 = workload.Produced;
            var t0 = Stopwatch.GetTimestamp();
            var in0 = KeyedRecordsIn(handle);
            await Task.Delay(measured);
            var n1 = workload.Produced;
            var t1 = Stopwatch.GetTimestamp();
            var in1 = KeyedRecordsIn(handle);
            process.Refresh();
            var cpu = (process.TotalProcessorTime + store.ExternalCpu() - cpu0).TotalSeconds;
            ThrowIfFailed(handle);
            var seconds = Stopwatch.GetElapsedTime(t0, t1).TotalSeconds;
            var row = new ThroughputRow(config, (n1 - n0) / seconds, (in1 - in0) / seconds, cpu, seconds, recorder.CompletedBetween(t0, t1), recorder.FailedBetween(t0, t1), recorder.LastFailure);
            if (!killAndRecover)
            {
                await handle.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
                return (row, null);
            }

            var last = recorder.LastCompletedId;
            var lastBytes = recorder.CompletedBetween(0, long.MaxValue).LastOrDefault()?.Bytes ?? 0;
            killed = true;
            await node.KillAsync();
            var readBeforeKill = workload.Produced;
            return (row, await RecoverAsync(store.Name, persistence, interval, last, lastBytes, readBeforeKill));
        }
        finally
        {
            if (!killed) await node.DisposeAsync();
        }
    }

    /// <summary>
    /// A new node on the same database: the pipeline resumes from its last completed checkpoint,
    /// started either by the pipeline manager from its journal or by submitting it again.
    /// </summary>
    private static async Task<RecoveryRow> RecoverAsync(string store, Config persistence, string interval, long lastBeforeKill, long bytes, long readBeforeKill)
    {
        var workload = new WindowedWorkload();
        var clock = Stopwatch.StartNew();
        await using var node = await CheckpointNode.StartAsync(persistence, interval, workload.Registry());
        var up = clock.Elapsed;
        var handle = await node.SubmitOrResumedAsync(WindowedWorkload.Pipeline);
        TimeSpan? started = null;
        if (handle is not null)
        {
            await handle.Started.WaitAsync(TimeSpan.FromSeconds(60));
            started = clock.Elapsed;
        }
        while (workload.FirstWindowRecord < 0)
        {
            if (handle is not null) ThrowIfFailed(handle);
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("the restarted pipeline wrote nothing within 2 minutes");
            await Task.Delay(1);
        }
        var first = clock.Elapsed;
        var row = new RecoveryRow(store, interval, lastBeforeKill, bytes, readBeforeKill, handle is null, handle?.Status.Checkpoints.RestoredFrom,
            up, started, first, workload.FirstWindowRecord);
        // A pipeline the manager resumed has no handle here; ending the node ends it.
        if (handle is not null) await handle.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return row;
    }

    /// <summary>Records the keyed tasks took in, as they last reported (every status-interval, 1 s): a cross-check of the generator's count.</summary>
    private static long KeyedRecordsIn(PipelineHandle handle) => handle.Status.Tasks.Where(t => t.Task.Vertex != 0).Sum(t => t.RecordsIn);

    public static void ThrowIfFailed(PipelineHandle handle)
    {
        if (handle.Completion.IsFaulted) throw new InvalidOperationException($"pipeline {handle.Name} failed: {handle.Completion.Exception!.GetBaseException().Message}");
        if (handle.Status.State == PipelineState.Failed) throw new InvalidOperationException($"pipeline {handle.Name} failed: {handle.Status.Failure}");
        if (handle.Restarts > 0) throw new InvalidOperationException($"pipeline {handle.Name} restarted {handle.Restarts} time(s) during the run; the figures would not be comparable");
    }
}
