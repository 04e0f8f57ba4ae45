using Streamline.Core.Records;

namespace Streamline.Core.Operators;

/// <summary>
/// Where an operator emits records: they are appended to the current batch of one stage outlet.
/// Full batches are queued and pushed downstream as demand allows.
/// </summary>
public sealed class Output<T>
{
    private readonly Queue<StreamElement<T>> _queue = new();
    private readonly int _maxBatchSize;
    private RecordBatch<T>? _current;

    public Output(int maxBatchSize) => _maxBatchSize = maxBatchSize;

    /// <summary>Records emitted since the stage started (metrics).</summary>
    public long Emitted { get; private set; }

    internal bool HasPending => _queue.Count > 0 || _current is { Count: > 0 };

    /// <summary>False when nobody consumes this output any more (a side output that was cancelled).</summary>
    internal bool Open { get; set; } = true;

    public void Emit(in Record<T> record)
    {
        if (!Open) return;
        var batch = _current ??= new RecordBatch<T>(_maxBatchSize);
        batch.Add(record);
        Emitted++;
        if (batch.Count >= _maxBatchSize) SealBatch();
    }

    public void Emit(T value, long timestamp, RecordHeaders? headers = null) => Emit(new Record<T>(value, timestamp, headers));

    internal void EmitControl(ControlSignal signal)
    {
        if (!Open) return;
        SealBatch();
        _queue.Enqueue(new ControlElement<T>(signal));
    }

    /// <summary>Moves a whole incoming batch to the output without copying (forwarding operators).</summary>
    internal void EmitBatch(RecordBatch<T> batch)
    {
        if (!Open)
        {
            batch.Release();
            return;
        }
        SealBatch();
        Emitted += batch.Count;
        _queue.Enqueue(batch);
    }

    internal void SealBatch()
    {
        if (_current is { Count: > 0 })
        {
            _queue.Enqueue(_current);
            _current = null;
        }
    }

    internal StreamElement<T>? TakeNext()
    {
        if (_queue.Count == 0) SealBatch();
        return _queue.Count > 0 ? _queue.Dequeue() : null;
    }
}
