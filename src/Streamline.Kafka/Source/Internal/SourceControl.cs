using System.Collections.Immutable;
using Confluent.Kafka;
using Streamline.Core.Records;

namespace Streamline.Kafka.Source.Internal;

/// <summary>
/// The materialized <see cref="IKafkaSourceControl"/>. Figures are published by the stage's
/// thread and read from any thread; requests enter the stage through its async callbacks, and
/// any request the stage did not finish by the time it stops is failed, so no caller waits forever.
/// </summary>
internal sealed class SourceControl : IKafkaSourceControl
{
    private readonly ImmutableArray<int> _partitions;
    private readonly long[] _positions;
    private readonly long[] _highWatermarks;
    private readonly object _gate = new();
    private readonly HashSet<IPendingRequest> _pending = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action<BarrierRequest>? _inject;
    private Action<CommitRequest>? _commit;
    private Action? _stop;
    private bool _stopped;
    private int _buffered;
    private int _maxBuffered;
    private int _bufferedDeadLetters;
    private int _paused;
    private long _pauseCount;
    private Error? _lastError;

    public SourceControl(ImmutableArray<int> partitions)
    {
        _partitions = partitions;
        _positions = new long[partitions.Length];
        _highWatermarks = new long[partitions.Length];
        Array.Fill(_positions, -1L);
        Array.Fill(_highWatermarks, -1L);
    }

    public IReadOnlyDictionary<int, long> Positions => Snapshot(i => Volatile.Read(ref _positions[i]));

    public IReadOnlyDictionary<int, long> Lag => Snapshot(i =>
    {
        var position = Volatile.Read(ref _positions[i]);
        var high = Volatile.Read(ref _highWatermarks[i]);
        return position < 0 || high < 0 ? -1 : Math.Max(0, high - position);
    });

    public int BufferedRecords => Volatile.Read(ref _buffered);

    public int MaxBufferedRecordsObserved => Volatile.Read(ref _maxBuffered);

    public int BufferedDeadLetters => Volatile.Read(ref _bufferedDeadLetters);

    public bool IsPaused => Volatile.Read(ref _paused) == 1;

    public long PauseCount => Interlocked.Read(ref _pauseCount);

    public Error? LastError => Volatile.Read(ref _lastError);

    public Task Completion => _completion.Task;

    public Task<IReadOnlyDictionary<int, long>> InjectBarrier(CheckpointBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(barrier);
        var request = new BarrierRequest(barrier);
        Submit(request, _inject);
        return request.Task;
    }

    public Task CommitOffsets(IReadOnlyDictionary<int, long> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        foreach (var (partition, offset) in offsets)
        {
            if (!_partitions.Contains(partition))
                throw new ArgumentException($"Partition {partition} is not owned by this source (owns {string.Join(",", _partitions)}).", nameof(offsets));
            if (offset < 0)
                throw new ArgumentOutOfRangeException(nameof(offsets), offset, $"Offset for partition {partition} must be >= 0.");
        }
        var request = new CommitRequest(offsets);
        Submit(request, _commit);
        return request.Task;
    }

    public Task Stop()
    {
        Action? stop;
        lock (_gate) stop = _stopped ? null : _stop;
        stop?.Invoke();
        return Completion;
    }

    internal void Bind(Action<BarrierRequest> inject, Action<CommitRequest> commit, Action stop)
    {
        _inject = inject;
        _commit = commit;
        _stop = stop;
    }

    /// <summary>Forgets a request the stage has completed.</summary>
    internal void Done(IPendingRequest request)
    {
        lock (_gate) _pending.Remove(request);
    }

    internal void PublishPosition(int index, long position) => Volatile.Write(ref _positions[index], position);

    internal void PublishHighWatermark(int index, long high) => Volatile.Write(ref _highWatermarks[index], high);

    internal void PublishBuffered(int records, int deadLetters)
    {
        Volatile.Write(ref _buffered, records);
        Volatile.Write(ref _bufferedDeadLetters, deadLetters);
        if (records > Volatile.Read(ref _maxBuffered)) Volatile.Write(ref _maxBuffered, records);
    }

    internal void PublishPaused(bool paused)
    {
        Volatile.Write(ref _paused, paused ? 1 : 0);
        if (paused) Interlocked.Increment(ref _pauseCount);
    }

    internal void PublishError(Error error) => Volatile.Write(ref _lastError, error);

    /// <summary>The stage stopped: fails unfinished requests; <see cref="Completion"/> follows once the consumer is closed.</summary>
    internal void Stopped()
    {
        List<IPendingRequest> unfinished;
        lock (_gate)
        {
            _stopped = true;
            unfinished = _pending.ToList();
            _pending.Clear();
        }
        foreach (var request in unfinished)
            request.Fail(new InvalidOperationException("The Kafka source stopped before the request was carried out."));
    }

    internal void Closed(Exception? failure)
    {
        if (failure is null) _completion.TrySetResult();
        else _completion.TrySetException(failure);
    }

    private void Submit<TRequest>(TRequest request, Action<TRequest>? callback) where TRequest : IPendingRequest
    {
        lock (_gate)
        {
            if (_stopped || callback is null)
            {
                request.Fail(new InvalidOperationException("The Kafka source has stopped."));
                return;
            }
            _pending.Add(request);
        }
        callback(request);
    }

    private IReadOnlyDictionary<int, long> Snapshot(Func<int, long> read)
    {
        var result = new Dictionary<int, long>(_partitions.Length);
        for (var i = 0; i < _partitions.Length; i++) result[_partitions[i]] = read(i);
        return result;
    }
}
