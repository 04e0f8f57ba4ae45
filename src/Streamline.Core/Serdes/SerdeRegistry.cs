using System.Collections.Immutable;

namespace Streamline.Core.Serdes;

/// <summary>
/// The serdes a pipeline uses when records cross process boundaries (exchanges between nodes,
/// state snapshots): built-ins for strings, bytes and numbers, plus what the pipeline registered.
/// There is no silent fallback: a type without a serde is an error that names the type.
/// </summary>
public sealed class SerdeRegistry
{
    private readonly ImmutableDictionary<Type, object> _serdes;

    private SerdeRegistry(ImmutableDictionary<Type, object> serdes) => _serdes = serdes;

    public static SerdeRegistry Builtins { get; } = new(ImmutableDictionary<Type, object>.Empty
        .Add(typeof(string), Serdes.Utf8String)
        .Add(typeof(byte[]), Serdes.Bytes)
        .Add(typeof(long), Serdes.Int64)
        .Add(typeof(int), Serdes.Int32)
        .Add(typeof(double), Serdes.Double));

    public IEnumerable<Type> Types => _serdes.Keys;

    public SerdeRegistry With<T>(ISerde<T> serde) => new(_serdes.SetItem(typeof(T), serde ?? throw new ArgumentNullException(nameof(serde))));

    public bool TryGet<T>(out ISerde<T> serde)
    {
        if (_serdes.TryGetValue(typeof(T), out var s))
        {
            serde = (ISerde<T>)s;
            return true;
        }
        serde = null!;
        return false;
    }

    /// <summary>The serde of <typeparamref name="T"/>, or an error saying how to register one.</summary>
    public ISerde<T> Get<T>(string usedBy) => TryGet<T>(out var serde)
        ? serde
        : throw new MissingSerdeException(typeof(T), usedBy);

    public bool Contains(Type type) => _serdes.ContainsKey(type);
}
