using System.Buffers;

namespace Streamline.Core.Records;

/// <summary>
/// A batch of records. The stage that receives a batch owns it: it either passes it on or
/// calls <see cref="Release"/> so the array goes back to the pool.
/// </summary>
public sealed class RecordBatch<T> : StreamElement<T>
{
    private Record<T>[] _items;

    public RecordBatch(int capacity)
    {
        _items = ArrayPool<Record<T>>.Shared.Rent(Math.Max(1, capacity));
    }

    public int Count { get; private set; }

    public int Capacity => _items.Length;

    public bool IsFull => Count == _items.Length;

    public ReadOnlySpan<Record<T>> Records => new(_items, 0, Count);

    public ref readonly Record<T> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return ref _items[index];
        }
    }

    public void Add(in Record<T> record)
    {
        if (Count == _items.Length) Grow();
        _items[Count++] = record;
    }

    public void Add(T value, long timestamp, RecordHeaders? headers = null) => Add(new Record<T>(value, timestamp, headers));

    public void Clear()
    {
        if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<Record<T>>())
            Array.Clear(_items, 0, Count);
        Count = 0;
    }

    /// <summary>Returns the storage to the pool; the batch must not be used afterwards.</summary>
    public void Release()
    {
        Clear();
        var items = _items;
        _items = Array.Empty<Record<T>>();
        if (items.Length > 0) ArrayPool<Record<T>>.Shared.Return(items);
    }

    public static RecordBatch<T> Of(params Record<T>[] records)
    {
        var batch = new RecordBatch<T>(records.Length);
        foreach (var r in records) batch.Add(r);
        return batch;
    }

    private void Grow()
    {
        var bigger = ArrayPool<Record<T>>.Shared.Rent(Math.Max(16, _items.Length * 2));
        Array.Copy(_items, bigger, Count);
        if (_items.Length > 0) ArrayPool<Record<T>>.Shared.Return(_items, clearArray: true);
        _items = bigger;
    }
}
