namespace Streamline.Core.State;

/// <summary>A map per key.</summary>
public interface IMapState<TKey, TValue> where TKey : notnull
{
    bool TryGet(TKey key, out TValue value);

    void Put(TKey key, TValue value);

    bool Remove(TKey key);

    IReadOnlyDictionary<TKey, TValue> Entries();

    void Clear();
}
