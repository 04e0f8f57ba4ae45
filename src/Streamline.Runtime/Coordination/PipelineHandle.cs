using Akka.Actor;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Coordination;

/// <summary>A pipeline submitted to the cluster: where its tasks run, and when they started and finished.</summary>
public sealed class PipelineHandle
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IReadOnlyDictionary<TaskId, Address> _placement = new Dictionary<TaskId, Address>();

    internal PipelineHandle(string name) => Name = name;

    public string Name { get; }

    /// <summary>Completes when every task has materialized somewhere in the cluster.</summary>
    public Task Started => _started.Task;

    /// <summary>Completes when every task finished (bounded inputs); faults when one failed.</summary>
    public Task Completion => _finished.Task;

    /// <summary>Which node runs which task (as last reported).</summary>
    public IReadOnlyDictionary<TaskId, Address> Placement => _placement;

    /// <summary>How many times the pipeline was redeployed because a task was lost.</summary>
    public int Restarts => _restarts;

    private volatile int _restarts;

    internal void OnRestart(TaskId lost) => Interlocked.Increment(ref _restarts);

    internal void OnPlacement(IReadOnlyDictionary<TaskId, Address> placement) => _placement = placement;

    internal void OnAllStarted() => _started.TrySetResult();

    internal void OnFinished() => _finished.TrySetResult();

    internal void OnFailed(Exception e)
    {
        _started.TrySetException(e);
        _finished.TrySetException(e);
    }
}
