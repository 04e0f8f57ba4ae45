using System.Collections;

namespace Streamline.Core.Records;

/// <summary>Ordered key/value headers carried with a record (Kafka headers, trace context).</summary>
public sealed class RecordHeaders : IReadOnlyList<KeyValuePair<string, byte[]>>
{
    private readonly List<KeyValuePair<string, byte[]>> _items = new();

    public int Count => _items.Count;

    public KeyValuePair<string, byte[]> this[int index] => _items[index];

    public RecordHeaders Add(string key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _items.Add(new(key, value));
        return this;
    }

    /// <summary>The last value for <paramref name="key"/>, as Kafka's own lookup does.</summary>
    public byte[]? GetLast(string key)
    {
        for (var i = _items.Count - 1; i >= 0; i--)
            if (_items[i].Key == key) return _items[i].Value;
        return null;
    }

    public IEnumerator<KeyValuePair<string, byte[]>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
