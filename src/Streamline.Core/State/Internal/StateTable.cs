using System.Buffers;
using System.Runtime.InteropServices;
using Streamline.Core.Serdes;

namespace Streamline.Core.State.Internal;

/// <summary>
/// A map from key to value, partitioned by key group. Each entry carries an expiry time
/// (processing time, ms) so TTL needs no second structure; long.MaxValue means no TTL.
/// </summary>
internal sealed class StateTable<TKey, TValue> : IStateTable where TKey : notnull
{
    internal struct Entry
    {
        public TValue Value;
        public long ExpiresAt;
    }

    private readonly Dictionary<TKey, Entry>?[] _groups;
    private readonly KeyGroupRange _range;
    private readonly ISerde<TKey> _keySerde;
    private readonly ISerde<TValue> _valueSerde;
    private readonly IEqualityComparer<TKey>? _comparer;
    private readonly Func<long> _now;

    public StateTable(string name, KeyGroupRange range, ISerde<TKey> keySerde, ISerde<TValue> valueSerde, IEqualityComparer<TKey>? comparer = null, Func<long>? now = null)
    {
        _now = now ?? (() => 0);
        Name = name;
        _range = range;
        _keySerde = keySerde;
        _valueSerde = valueSerde;
        _comparer = comparer;
        _groups = new Dictionary<TKey, Entry>?[range.Count];
    }

    public string Name { get; }

    public long Count
    {
        get
        {
            long n = 0;
            var now = _now();
            foreach (var g in _groups)
            {
                if (g is null) continue;
                foreach (var (_, e) in g)
                    if (e.ExpiresAt > now) n++;
            }
            return n;
        }
    }

    public Type KeyType => typeof(TKey);

    public Type ValueType => typeof(TValue);

    private Dictionary<TKey, Entry> Group(int keyGroup) =>
        _groups[keyGroup - _range.Start] ??= new Dictionary<TKey, Entry>(_comparer);

    /// <summary>A reference to the value slot, created with default when absent (<paramref name="exists"/> false).</summary>
    public ref TValue GetOrAdd(int keyGroup, TKey key, long now, long ttl, out bool exists)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(Group(keyGroup), key, out exists);
        if (exists && entry.ExpiresAt <= now)
        {
            entry.Value = default!;
            exists = false;
        }
        entry.ExpiresAt = ttl == long.MaxValue ? long.MaxValue : now + ttl;
        return ref entry.Value!;
    }

    public bool TryGet(int keyGroup, TKey key, long now, out TValue value)
    {
        var group = _groups[keyGroup - _range.Start];
        if (group is not null && group.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAt > now)
            {
                value = entry.Value;
                return true;
            }
            group.Remove(key);
        }
        value = default!;
        return false;
    }

    public void Set(int keyGroup, TKey key, TValue value, long now, long ttl) =>
        Group(keyGroup)[key] = new Entry { Value = value, ExpiresAt = ttl == long.MaxValue ? long.MaxValue : now + ttl };

    public bool Remove(int keyGroup, TKey key) => _groups[keyGroup - _range.Start]?.Remove(key) ?? false;

    public IEnumerable<KeyValuePair<TKey, TValue>> Entries(long now)
    {
        foreach (var group in _groups)
        {
            if (group is null) continue;
            foreach (var (k, e) in group)
                if (e.ExpiresAt > now) yield return new(k, e.Value);
        }
    }

    public void Clear() => Array.Clear(_groups);

    public void SnapshotKeyGroup(int keyGroup, IBufferWriter<byte> output)
    {
        var group = _groups[keyGroup - _range.Start];
        if (group is null)
        {
            SnapshotIo.WriteInt32(output, 0);
            return;
        }
        // Expired entries are dropped here so keys never read again do not grow checkpoints forever.
        var now = _now();
        List<TKey>? expired = null;
        foreach (var (key, entry) in group)
            if (entry.ExpiresAt <= now) (expired ??= new List<TKey>()).Add(key);
        if (expired is not null) foreach (var key in expired) group.Remove(key);
        SnapshotIo.WriteInt32(output, group.Count);
        foreach (var (key, entry) in group)
        {
            SnapshotIo.WriteValue(output, _keySerde, key);
            SnapshotIo.WriteValue(output, _valueSerde, entry.Value);
            SnapshotIo.WriteInt64(output, entry.ExpiresAt);
        }
    }

    public void RestoreKeyGroup(int keyGroup, ReadOnlySpan<byte> data)
    {
        var count = SnapshotIo.ReadInt32(ref data);
        if (count == 0) return;
        var group = Group(keyGroup);
        for (var i = 0; i < count; i++)
        {
            var key = SnapshotIo.ReadValue(ref data, _keySerde);
            var value = SnapshotIo.ReadValue(ref data, _valueSerde);
            var expiresAt = SnapshotIo.ReadInt64(ref data);
            group[key] = new Entry { Value = value, ExpiresAt = expiresAt };
        }
    }
}
