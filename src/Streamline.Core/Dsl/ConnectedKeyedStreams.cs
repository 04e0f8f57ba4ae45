using Streamline.Core.Graph;
using Streamline.Core.Graph.Nodes;
using Streamline.Core.Operators;
using Streamline.Core.Operators.Process;

namespace Streamline.Core.Dsl;

/// <summary>Two keyed streams with the same key type, processed together (joins, enrichment).</summary>
public sealed class ConnectedKeyedStreams<T1, T2, K> where K : notnull
{
    private readonly KeyedStream<T1, K> _first;
    private readonly KeyedStream<T2, K> _second;

    internal ConnectedKeyedStreams(KeyedStream<T1, K> first, KeyedStream<T2, K> second)
    {
        if (first.Input.Builder != second.Input.Builder) throw new ArgumentException("cannot connect streams of different pipelines");
        _first = first;
        _second = second;
    }

    /// <summary>Runs <paramref name="function"/>: records of both inputs with the same key share state and timers.</summary>
    public DataStream<TOut> Process<TOut>(KeyedCoProcessFunction<K, T1, T2, TOut> function, params IOutputTag[] sideOutputs)
    {
        ArgumentNullException.ThrowIfNull(function);
        var (key1, key2, serde) = (_first.KeySelector, _second.KeySelector, _first.KeySerde);
        var builder = _first.Input.Builder;
        var node = builder.Add(id => new TwoInputNode<T1, T2, TOut>(id, $"co-process-{id}", "co-process",
            () => new KeyedCoProcessOperator<K, T1, T2, TOut>(key1, key2, serde, function, sideOutputs), sideOutputs));
        node.Details = function.GetType().Name;
        node.AddInput(new LogicalEdge(_first.Input.Node, _first.Input.Port, Partitioning.Hash, _first.KeyDescription, _first.Router()));
        node.AddInput(new LogicalEdge(_second.Input.Node, _second.Input.Port, Partitioning.Hash, _second.KeyDescription, _second.Router()));
        return new DataStream<TOut>(builder, node, 0);
    }
}
