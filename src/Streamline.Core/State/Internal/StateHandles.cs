namespace Streamline.Core.State.Internal;

internal sealed class ValueStateHandle<K, V>(KeyedStateBackend<K> backend, StateTable<K, V> table, long ttl) : IValueState<V>
    where K : notnull
{
    public bool HasValue => table.TryGet(backend.CurrentKeyGroup, backend.CurrentKey, backend.Now, out _);

    public V? Value
    {
        get => table.TryGet(backend.CurrentKeyGroup, backend.CurrentKey, backend.Now, out var v) ? v : default;
        set
        {
            if (value is null) table.Remove(backend.CurrentKeyGroup, backend.CurrentKey);
            else table.Set(backend.CurrentKeyGroup, backend.CurrentKey, value, backend.Now, ttl);
        }
    }

    public void Clear() => table.Remove(backend.CurrentKeyGroup, backend.CurrentKey);
}

internal sealed class ListStateHandle<K, V>(KeyedStateBackend<K> backend, StateTable<K, List<V>> table, long ttl) : IListState<V>
    where K : notnull
{
    public IReadOnlyList<V> Get() =>
        table.TryGet(backend.CurrentKeyGroup, backend.CurrentKey, backend.Now, out var list) ? list : Array.Empty<V>();

    public void Add(V value)
    {
        ref var list = ref table.GetOrAdd(backend.CurrentKeyGroup, backend.CurrentKey, backend.Now, ttl, out var exists);
        if (!exists || list is null) list = new List<V>();
        list.Add(value);
    }

    public void Update(IEnumerable<V> values) =>
        table.Set(backend.CurrentKeyGroup, backend.CurrentKey, new List<V>(values), backend.Now, ttl);

    public void Clear() => table.Remove(backend.CurrentKeyGroup, backend.CurrentKey);
}

internal sealed class MapStateHandle<K, UK, UV>(KeyedStateBackend<K> backend, StateTable<K, Dictionary<UK, UV>> table, long ttl) : IMapState<UK, UV>
    where K : notnull where UK : notnull
{
    private static readonly Dictionary<UK, UV> Empty = new();

    public bool TryGet(UK key, out UV value)
    {
        if (table.TryGet(backend.CurrentKeyGroup, backend.CurrentKey, backend.Now, out var map) && map.TryGetValue(key, out value!)) return true;
        value = default!;
        return false;
    }

    public void Put(UK key, UV value)
    {
        ref var map = ref table.GetOrAdd(backend.CurrentKeyGroup, backend.CurrentKey, backend.Now, ttl, out var exists);
        if (!exists || map is null) map = new Dictionary<UK, UV>();
        map[key] = value;
    }

    public bool Remove(UK key)
    {
        if (!table.TryGet(backend.CurrentKeyGroup, backend.CurrentKey, backend.Now, out var map) || !map.Remove(key)) return false;
        if (map.Count == 0) table.Remove(backend.CurrentKeyGroup, backend.CurrentKey);
        return true;
    }

    public IReadOnlyDictionary<UK, UV> Entries() =>
        table.TryGet(backend.CurrentKeyGroup, backend.CurrentKey, backend.Now, out var map) ? map : Empty;

    public void Clear() => table.Remove(backend.CurrentKeyGroup, backend.CurrentKey);
}
