using Streamline.Core.Serdes;
using Streamline.Core.State;

namespace Streamline.Core.Operators;

/// <summary>Key extraction and the keyed state backend shared by keyed operators.</summary>
public sealed class KeyedOperatorSupport<T, K> where K : notnull
{
    private readonly Func<T, K> _keySelector;

    public KeyedOperatorSupport(Func<T, K> keySelector, ISerde<K> keySerde)
    {
        _keySelector = keySelector;
        KeySerde = keySerde;
    }

    public ISerde<K> KeySerde { get; }

    public KeyedStateBackend<K> Backend { get; private set; } = null!;

    public KeyedStateBackend<K> Open(OperatorContext context)
    {
        Backend = new KeyedStateBackend<K>(context.KeyGroups, context.MaxParallelism, KeySerde, context.Clock);
        context.OnStateCreated?.Invoke(context, Backend);
        return Backend;
    }

    /// <summary>Extracts the key of <paramref name="value"/> and makes it the current key.</summary>
    public K SetCurrentKey(T value)
    {
        var key = _keySelector(value);
        Backend.SetCurrentKey(key);
        return key;
    }
}
