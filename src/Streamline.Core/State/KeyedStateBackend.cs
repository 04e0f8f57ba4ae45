using System.Buffers;
using Streamline.Core.Serdes;
using Streamline.Core.State.Internal;
using Streamline.Core.Time;

namespace Streamline.Core.State;

/// <summary>
/// Keyed state of one operator instance, organised by key group. The operator sets the current
/// key before handing a record or timer to user code; state handles read and write that key.
/// </summary>
public sealed class KeyedStateBackend<K> : IKeyedStateBackend where K : notnull
{
    private readonly Dictionary<string, IStateTable> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<KeyGroupSnapshot>> _pendingRestore = new(StringComparer.Ordinal);
    private readonly IClock _clock;
    private K _currentKey = default!;
    private bool _hasKey;

    public KeyedStateBackend(KeyGroupRange range, int maxParallelism, ISerde<K> keySerde, IClock clock)
    {
        if (range.Start < 0 || range.End > maxParallelism || range.Count <= 0)
            throw new ArgumentOutOfRangeException(nameof(range), range, $"must be a non-empty range within [0, {maxParallelism})");
        Range = range;
        MaxParallelism = maxParallelism;
        KeySerde = keySerde;
        _clock = clock;
    }

    public KeyGroupRange Range { get; }

    public int MaxParallelism { get; }

    public ISerde<K> KeySerde { get; }

    public IReadOnlyCollection<IStateTable> Tables => _tables.Values;

    /// <summary>Raised after <see cref="Restore"/>: operators rebuild what they keep outside state (timer queues).</summary>
    internal event Action? Restored;

    public K CurrentKey => _hasKey ? _currentKey : throw new InvalidOperationException("keyed state used outside of a keyed context (no current key)");

    public int CurrentKeyGroup { get; private set; }

    internal long Now => _clock.Now;

    public int KeyGroupOf(K key) => KeyGroups.Assign(KeyGroups.StableHash(key, KeySerde), MaxParallelism);

    public void SetCurrentKey(K key)
    {
        var group = KeyGroupOf(key);
        if (!Range.Contains(group))
            throw new InvalidOperationException($"key '{key}' belongs to key group {group}, which this task ({Range}) does not own: the record was routed to the wrong task");
        _currentKey = key;
        CurrentKeyGroup = group;
        _hasKey = true;
    }

    /// <summary>Sets the current key when its key group is already known (hot path).</summary>
    internal void SetCurrentKey(K key, int keyGroup)
    {
        _currentKey = key;
        CurrentKeyGroup = keyGroup;
        _hasKey = true;
    }

    public IValueState<V> GetValueState<V>(string name, ISerde<V>? serde = null, StateOptions? options = null) =>
        new ValueStateHandle<K, V>(this, ValueTable<V>(name, serde ?? Serdes.Serdes.Default<V>()), (options ?? StateOptions.Default).TtlMillis);

    public IListState<V> GetListState<V>(string name, ISerde<V>? serde = null, StateOptions? options = null) =>
        new ListStateHandle<K, V>(this, ValueTable<List<V>>(name, new ListSerde<V>(serde ?? Serdes.Serdes.Default<V>())), (options ?? StateOptions.Default).TtlMillis);

    public IMapState<UK, UV> GetMapState<UK, UV>(string name, ISerde<UK>? keySerde = null, ISerde<UV>? valueSerde = null, StateOptions? options = null)
        where UK : notnull =>
        new MapStateHandle<K, UK, UV>(this,
            ValueTable<Dictionary<UK, UV>>(name, new DictionarySerde<UK, UV>(keySerde ?? Serdes.Serdes.Default<UK>(), valueSerde ?? Serdes.Serdes.Default<UV>())),
            (options ?? StateOptions.Default).TtlMillis);

    /// <summary>A raw table whose key is derived from K (e.g. key + window); operators use these internally.</summary>
    internal StateTable<TKey, TValue> Table<TKey, TValue>(string name, ISerde<TKey> keySerde, ISerde<TValue> valueSerde, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        if (_tables.TryGetValue(name, out var existing))
        {
            return existing as StateTable<TKey, TValue>
                ?? throw new InvalidOperationException($"state '{name}' is already registered with a different type ({existing.GetType().Name}); use one type per state name");
        }
        var table = new StateTable<TKey, TValue>(name, Range, keySerde, valueSerde, comparer, () => _clock.Now);
        _tables.Add(name, table);
        // State restored before the operator registered it (user code registers lazily) is applied now.
        if (_pendingRestore.Remove(name, out var pending))
            foreach (var p in pending) table.RestoreKeyGroup(p.KeyGroup, p.Data);
        return table;
    }

    private List<KeyGroupSnapshot> Pending(string name)
    {
        if (!_pendingRestore.TryGetValue(name, out var list)) _pendingRestore[name] = list = new List<KeyGroupSnapshot>();
        return list;
    }

    private StateTable<K, V> ValueTable<V>(string name, ISerde<V> valueSerde) => Table<K, V>(name, KeySerde, valueSerde);

    /// <summary>Reads the value state <paramref name="name"/> of <paramref name="key"/> (harness and diagnostics).</summary>
    public bool TryGetValue<V>(string name, K key, out V value)
    {
        value = default!;
        if (!_tables.TryGetValue(name, out var t) || t is not StateTable<K, V> table) return false;
        return table.TryGet(KeyGroupOf(key), key, Now, out value);
    }

    public IReadOnlyList<KeyGroupSnapshot> Snapshot()
    {
        var result = new List<KeyGroupSnapshot>();
        var buffer = new ArrayBufferWriter<byte>(4096);
        var inner = new ArrayBufferWriter<byte>(4096);
        var names = _tables.Keys.Order(StringComparer.Ordinal).ToArray();
        for (var group = Range.Start; group < Range.End; group++)
        {
            buffer.ResetWrittenCount();
            SnapshotIo.WriteInt32(buffer, names.Length);
            var nonEmpty = false;
            foreach (var name in names)
            {
                SnapshotIo.WriteBytes(buffer, System.Text.Encoding.UTF8.GetBytes(name));
                inner.ResetWrittenCount();
                _tables[name].SnapshotKeyGroup(group, inner);
                nonEmpty |= System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(inner.WrittenSpan) > 0;
                SnapshotIo.WriteBytes(buffer, inner.WrittenSpan);
            }
            if (nonEmpty) result.Add(new KeyGroupSnapshot(group, buffer.WrittenSpan.ToArray()));
        }
        return result;
    }

    public void Restore(IEnumerable<KeyGroupSnapshot> snapshots)
    {
        foreach (var snapshot in snapshots)
        {
            if (!Range.Contains(snapshot.KeyGroup)) continue;
            ReadOnlySpan<byte> data = snapshot.Data;
            var tables = SnapshotIo.ReadInt32(ref data);
            for (var i = 0; i < tables; i++)
            {
                var name = System.Text.Encoding.UTF8.GetString(SnapshotIo.ReadBytes(ref data));
                var payload = SnapshotIo.ReadBytes(ref data);
                if (_tables.TryGetValue(name, out var table)) table.RestoreKeyGroup(snapshot.KeyGroup, payload);
                else Pending(name).Add(new KeyGroupSnapshot(snapshot.KeyGroup, payload.ToArray()));
            }
        }
        Restored?.Invoke();
    }
}
