using Streamline.Core.Exchange;
using Streamline.Core.Graph;
using Streamline.Core.Operators;
using Streamline.Core.Operators.Process;
using Streamline.Core.Serdes;
using Streamline.Core.Windows;

namespace Streamline.Core.Dsl;

/// <summary>A stream partitioned by key: the input of windows and keyed process functions.</summary>
public sealed class KeyedStream<T, K> where K : notnull
{
    internal KeyedStream(DataStream<T> input, Func<T, K> keySelector, ISerde<K> keySerde, string keyDescription)
    {
        Input = input;
        KeySelector = keySelector;
        KeySerde = keySerde;
        KeyDescription = keyDescription;
    }

    internal DataStream<T> Input { get; }

    internal Func<T, K> KeySelector { get; }

    internal ISerde<K> KeySerde { get; }

    internal string KeyDescription { get; }

    /// <summary>Groups each key's records into event-time windows.</summary>
    public WindowedStream<T, K> Window(WindowAssigner assigner)
    {
        ArgumentNullException.ThrowIfNull(assigner);
        return new WindowedStream<T, K>(this, assigner);
    }

    /// <summary>Runs <paramref name="function"/> per record with keyed state and timers.</summary>
    /// <param name="sideOutputs">Tags the function emits to; read them with <c>SideOutput(tag)</c> on the result.</param>
    public DataStream<TOut> Process<TOut>(KeyedProcessFunction<K, T, TOut> function, params IOutputTag[] sideOutputs)
    {
        ArgumentNullException.ThrowIfNull(function);
        var selector = KeySelector;
        var serde = KeySerde;
        return Input.Then("process",
            () => new KeyedProcessOperator<K, T, TOut>(selector, serde, function, sideOutputs),
            sideOutputs, Partitioning.Hash, KeyDescription, function.GetType().Name, Router());
    }

    /// <summary>Routes records to the task owning their key's key group.</summary>
    internal IRecordRouter<T> Router() => new KeyGroupRouter<T, K>(KeySelector, KeySerde, Input.Builder.MaxParallelism);

    /// <summary>Processes this stream together with <paramref name="other"/>, keyed the same way.</summary>
    public ConnectedKeyedStreams<T, T2, K> Connect<T2>(KeyedStream<T2, K> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ConnectedKeyedStreams<T, T2, K>(this, other);
    }

    /// <summary>Keys need value equality: reference equality would give every record its own state.</summary>
    internal static void RequireValueEquality()
    {
        var type = typeof(K);
        if (type.IsValueType || type == typeof(string)) return;
        var equals = type.GetMethod(nameof(Equals), new[] { typeof(object) });
        if (equals is null || equals.DeclaringType == typeof(object))
            throw new ArgumentException(
                $"key type {type.Name} uses reference equality, so equal keys would not share state. Use a record, a struct, a string or a number as the key, or override Equals and GetHashCode.",
                "keySelector");
    }
}
