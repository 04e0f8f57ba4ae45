using Confluent.Kafka;

namespace Streamline.Kafka.Source.Internal;

/// <summary>
/// Owns the source's consumer. The stage thread uses <see cref="Consumer"/> directly for the
/// non-blocking calls (Consume(0), Pause, Resume, cached watermarks); calls that wait for the
/// broker (start-offset lookups, synchronous commits) run on the thread pool through
/// <see cref="RunAsync{TResult}"/>, and the consumer is closed only after they have finished.
/// </summary>
internal sealed class SharedConsumer
{
    private readonly object _gate = new();
    private int _users;
    private bool _closing;
    private TaskCompletionSource? _drained;

    public SharedConsumer(IConsumer<byte[]?, byte[]?> consumer) => Consumer = consumer;

    public IConsumer<byte[]?, byte[]?> Consumer { get; }

    public Task<TResult> RunAsync<TResult>(Func<IConsumer<byte[]?, byte[]?>, TResult> work)
    {
        lock (_gate)
        {
            if (_closing)
                return Task.FromException<TResult>(new InvalidOperationException("The Kafka source has stopped; its consumer is closed."));
            _users++;
        }
        // These calls block for a broker round trip (or up to the start timeout): give them their
        // own thread rather than a pool thread, which Akka's dispatchers share.
        return Task.Factory.StartNew(
            () =>
            {
                try { return work(Consumer); }
                finally { Release(); }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Closes and disposes the consumer on the thread pool once no background call uses it.</summary>
    public Task CloseAsync()
    {
        Task drained;
        lock (_gate)
        {
            if (_closing) return _drained?.Task ?? Task.CompletedTask;
            _closing = true;
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_users == 0) _drained.SetResult();
            drained = _drained.Task;
        }
        return drained.ContinueWith(_ =>
        {
            try { Consumer.Close(); }
            finally { Consumer.Dispose(); }
        }, CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Release()
    {
        lock (_gate)
        {
            _users--;
            if (_closing && _users == 0) _drained?.TrySetResult();
        }
    }
}
