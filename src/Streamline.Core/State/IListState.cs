namespace Streamline.Core.State;

/// <summary>A list of values per key.</summary>
public interface IListState<T>
{
    IReadOnlyList<T> Get();

    void Add(T value);

    void Update(IEnumerable<T> values);

    void Clear();
}
