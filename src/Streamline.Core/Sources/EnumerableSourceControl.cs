using Akka.Streams.Stage;
using Streamline.Core.Records;

namespace Streamline.Core.Sources;

/// <summary>Pushes records and signals into a running <see cref="EnumerableSourceStage{T}"/>.</summary>
public sealed class EnumerableSourceControl<T> : ISourceControl, ICheckpointedSource
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, Dictionary<int, long>> _positions = new();
    private readonly TaskCompletionSource _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action<(IReadOnlyList<(T Value, long? Timestamp)>, TaskCompletionSource)>? _offer;
    private Action<(ControlSignal, TaskCompletionSource)>? _signal;
    private Action? _stop;
    private volatile bool _stopped;

    internal void Attach(Action<(IReadOnlyList<(T Value, long? Timestamp)>, TaskCompletionSource)> offer, Action<(ControlSignal, TaskCompletionSource)> signal, Action stop)
    {
        _offer = offer;
        _signal = signal;
        _stop = stop;
        _attached.TrySetResult();
    }

    internal void Detach() => _stopped = true;

    /// <summary>Offers records (value, event timestamp or null for "now"); completes once they are queued in the stage.</summary>
    public async Task Offer(IReadOnlyList<(T Value, long? Timestamp)> records)
    {
        await _attached.Task.ConfigureAwait(false);
        if (_stopped) throw new InvalidOperationException("the source has stopped; no more records can be offered");
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _offer!((records, done));
        await done.Task.ConfigureAwait(false);
    }

    public async Task InjectSignal(ControlSignal signal)
    {
        await _attached.Task.ConfigureAwait(false);
        if (_stopped) return;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _signal!((signal, done));
        await done.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Emits the barrier after the records read so far; the position is the number of records this
    /// instance read from its sequence (partition = instance index), which a restore skips.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, long>> InjectBarrier(CheckpointBarrier barrier)
    {
        await InjectSignal(barrier).ConfigureAwait(false);
        if (!_positions.TryRemove(barrier.CheckpointId, out var positions))
            throw new InvalidOperationException($"the source stopped before barrier {barrier.CheckpointId} was emitted");
        return positions;
    }

    /// <summary>Nothing to publish: the sequence is in memory.</summary>
    public Task CommitPositions(IReadOnlyDictionary<int, long> positions) => Task.CompletedTask;

    internal void RecordPosition(long checkpointId, int instance, long read) => _positions[checkpointId] = new Dictionary<int, long> { [instance] = read };

    public void Stop()
    {
        if (!_stopped) _attached.Task.ContinueWith(_ => _stop?.Invoke(), TaskScheduler.Default);
    }
}
