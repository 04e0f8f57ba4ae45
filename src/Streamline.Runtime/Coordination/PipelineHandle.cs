using Akka.Actor;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Coordination;

/// <summary>A pipeline submitted to the cluster: its status, where its tasks run, and when they started and finished.</summary>
public sealed class PipelineHandle
{
    private readonly TaskCompletionSource _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile PipelineStatus _status;

    internal PipelineHandle(string name)
    {
        Name = name;
        _status = PipelineStatus.Initial(name);
    }

    public string Name { get; }

    /// <summary>Completes when the cluster's pipeline manager started a coordinator; faults when it refused.</summary>
    public Task Accepted => _accepted.Task;

    /// <summary>Completes when every task has materialized somewhere in the cluster.</summary>
    public Task Started => _started.Task;

    /// <summary>Completes when every task finished (bounded inputs); faults when the pipeline failed.</summary>
    public Task Completion => _finished.Task;

    /// <summary>The pipeline's state and per-task status, as last reported by its coordinator.</summary>
    public PipelineStatus Status => _status;

    /// <summary>Which node runs which task (as last reported).</summary>
    public IReadOnlyDictionary<TaskId, Address> Placement =>
        _status.Tasks.Where(t => t.Node is not null).ToDictionary(t => t.Task, t => t.Node!);

    /// <summary>How many times the pipeline was redeployed because a task was lost or failed.</summary>
    public int Restarts => _status.Restarts;

    /// <summary>Raised (on the coordinator's thread) whenever the status changes; keep handlers short.</summary>
    public event Action<PipelineStatus>? StatusChanged;

    internal IActorRef Coordinator { get; set; } = ActorRefs.Nobody;

    /// <summary>
    /// Stops the pipeline cleanly: its sources stop reading, records in flight drain through the
    /// tasks and sinks, then every task finishes. Completes with <see cref="Completion"/>.
    /// </summary>
    public Task StopAsync()
    {
        Coordinator.Tell(StopPipeline.Instance);
        return Completion;
    }

    internal void OnStatus(PipelineStatus status)
    {
        _status = status;
        StatusChanged?.Invoke(status);
    }

    /// <summary>
    /// Takes a savepoint now: every task stores its state where savepoints are kept until deleted.
    /// Returns its id, to submit the pipeline from later (also at another parallelism of its keyed
    /// operators); throws with the reason when it could not be taken.
    /// </summary>
    public async Task<long> TakeSavepointAsync(TimeSpan timeout)
    {
        var result = await Coordinator.Ask<SavepointResult>(TakeSavepoint.Instance, timeout).ConfigureAwait(false);
        return result.Failure is null ? result.SavepointId : throw new InvalidOperationException(result.Failure);
    }

    internal void OnAccepted() => _accepted.TrySetResult();

    internal void OnAllStarted() => _started.TrySetResult();

    internal void OnFinished()
    {
        _started.TrySetResult();
        _finished.TrySetResult();
    }

    internal void OnFailed(Exception e)
    {
        _accepted.TrySetException(e);
        _started.TrySetException(e);
        _finished.TrySetException(e);
    }
}
