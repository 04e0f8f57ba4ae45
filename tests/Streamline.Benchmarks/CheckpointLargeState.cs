using System.Diagnostics;
using Streamline.Runtime.Coordination;

namespace Streamline.Benchmarks;

/// <summary>
/// Builds the large keyed state, takes one savepoint of it (timed), stops, and submits the
/// pipeline from that savepoint on a new node, timing until its first output; then checks that
/// no key had to be created again (the restored state is complete).
/// </summary>
public static class CheckpointLargeState
{
    public static async Task<LargeStateRow> RunAsync(CheckpointStore store, int stateMb)
    {
        var persistence = store.NewDatabase();
        var build = new LargeStateWorkload(stateMb);
        long savepoint;
        TimeSpan built, taken, pause;
        int gen2;
        long wsBefore, wsPeak;
        CompletedCheckpoint info;
        await using (var node = await CheckpointNode.StartAsync(persistence, "off", build.Registry()))
        {
            var handle = await node.Node.SubmitAsync(LargeStateWorkload.Pipeline);
            await handle.Started.WaitAsync(TimeSpan.FromSeconds(60));
            var clock = Stopwatch.StartNew();
            var recorder = new CheckpointRecorder(handle);
            // While the state is still small (the build goes on meanwhile): creates the snapshot table and runs the path once.
            await handle.TakeSavepointAsync(TimeSpan.FromMinutes(1));
            while (build.Created < build.KeyCount)
            {
                CheckpointThroughput.ThrowIfFailed(handle);
                await Task.Delay(10);
            }
            built = clock.Elapsed;
            (gen2, pause) = (GC.CollectionCount(2), GC.GetTotalPauseDuration());
            wsBefore = Environment.WorkingSet;
            using var sampling = new CancellationTokenSource();
            var peak = SamplePeakWorkingSet(sampling.Token);
            clock.Restart();
            savepoint = await handle.TakeSavepointAsync(TimeSpan.FromMinutes(10));
            taken = clock.Elapsed;
            (gen2, pause) = (GC.CollectionCount(2) - gen2, GC.GetTotalPauseDuration() - pause);
            await sampling.CancelAsync();
            wsPeak = await peak;
            info = await Reported(recorder, savepoint);
            await handle.StopAsync().WaitAsync(TimeSpan.FromMinutes(2));
            // The manager journals that the pipeline ended once its coordinator stopped; give it a
            // moment, or the next node's manager resumes it instead of taking the submit below.
            await Task.Delay(500);
        }
        // The first node's state is garbage now; collect it so the restore does not pay for it.
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var restore = new LargeStateWorkload(stateMb);
        var total = Stopwatch.StartNew();
        await using var restored = await CheckpointNode.StartAsync(persistence, "off", restore.Registry());
        var up = total.Elapsed;
        var resumed = await restored.SubmitOrResumedAsync(LargeStateWorkload.Pipeline, savepoint);
        TimeSpan? started = null;
        if (resumed is not null)
        {
            await resumed.Started.WaitAsync(TimeSpan.FromMinutes(10));
            started = total.Elapsed;
        }
        await Until(() => restore.Outputs > 0, resumed, "the restored pipeline wrote nothing");
        var first = total.Elapsed;
        // Every 1024th record is an output: this many have passed once every key was touched again.
        await Until(() => restore.Outputs > restore.KeyCount / 1024 + 2, resumed, "the restored pipeline did not get through every key");
        var row = new LargeStateRow(store.Name, build.KeyCount, info.Bytes, built, taken, info.Duration, up, started, first,
            resumed?.Status.Checkpoints.RestoredFrom, savepoint, restore.Created, gen2, pause, wsBefore, wsPeak);
        if (resumed is not null) await resumed.StopAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return row;
    }

    /// <summary>The largest working set seen every 20 ms until cancelled: how many copies of the state a checkpoint holds at once.</summary>
    private static async Task<long> SamplePeakWorkingSet(CancellationToken ct)
    {
        var peak = Environment.WorkingSet;
        while (!ct.IsCancellationRequested)
        {
            peak = Math.Max(peak, Environment.WorkingSet);
            try
            {
                await Task.Delay(20, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return Math.Max(peak, Environment.WorkingSet);
    }

    private static async Task<CompletedCheckpoint> Reported(CheckpointRecorder recorder, long id)
    {
        // The savepoint's answer and the status update travel separately; the status follows at once.
        for (var i = 0; i < 500; i++)
        {
            var c = recorder.CompletedBetween(0, long.MaxValue).FirstOrDefault(c => c.Id == id);
            if (c is not null) return c;
            await Task.Delay(10);
        }
        throw new TimeoutException($"savepoint {id} never showed in the pipeline's status");
    }

    private static async Task Until(Func<bool> condition, PipelineHandle? handle, string failure)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (handle is not null) CheckpointThroughput.ThrowIfFailed(handle);
            if (deadline.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException(failure + " within 10 minutes");
            await Task.Delay(1);
        }
    }
}
