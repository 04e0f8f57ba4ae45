using System.Diagnostics;
using Streamline.Runtime.Coordination;

namespace Streamline.Benchmarks;

/// <summary>
/// Every checkpoint of a pipeline as it completes, from its handle's status updates (the
/// coordinator publishes one per completed or failed checkpoint, so none is missed at 100 ms).
/// </summary>
public sealed class CheckpointRecorder
{
    private readonly object _gate = new();
    private readonly List<CompletedCheckpoint> _completed = new();
    private readonly List<long> _failedAt = new();
    private long _lastId;
    private int _consecutiveFailures;

    public CheckpointRecorder(PipelineHandle handle)
    {
        handle.StatusChanged += OnStatus;
        OnStatus(handle.Status);
    }

    public string? LastFailure { get; private set; }

    public IReadOnlyList<CompletedCheckpoint> CompletedBetween(long from, long to)
    {
        lock (_gate) return _completed.Where(c => c.SeenAt >= from && c.SeenAt < to).ToList();
    }

    public int FailedBetween(long from, long to)
    {
        lock (_gate) return _failedAt.Count(t => t >= from && t < to);
    }

    public long LastCompletedId
    {
        get { lock (_gate) return _lastId; }
    }

    // Runs on the pipeline watcher's thread: record and return.
    private void OnStatus(PipelineStatus status)
    {
        var c = status.Checkpoints;
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (c.LastCompletedId > _lastId)
            {
                _lastId = c.LastCompletedId;
                _completed.Add(new CompletedCheckpoint(c.LastCompletedId, now, c.LastDuration, c.LastBytes));
            }
            for (var i = _consecutiveFailures; i < c.ConsecutiveFailures; i++) _failedAt.Add(now);
            _consecutiveFailures = c.ConsecutiveFailures;
            if (c.LastFailure is not null) LastFailure = c.LastFailure;
        }
    }
}
