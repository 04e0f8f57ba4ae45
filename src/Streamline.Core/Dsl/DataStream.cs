using System.Runtime.CompilerServices;
using Streamline.Core.Graph;
using Streamline.Core.Graph.Nodes;
using Streamline.Core.Operators;
using Streamline.Core.Operators.Filter;
using Streamline.Core.Operators.FlatMap;
using Streamline.Core.Operators.Map;
using Streamline.Core.Operators.MapAsync;
using Streamline.Core.Operators.Process;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.Sinks;

namespace Streamline.Core.Dsl;

/// <summary>A stream of <typeparamref name="T"/>: one output port of one operator.</summary>
public class DataStream<T>
{
    internal DataStream(PipelineBuilder builder, LogicalNode node, int port)
    {
        Builder = builder;
        Node = node;
        Port = port;
    }

    internal PipelineBuilder Builder { get; }

    internal LogicalNode Node { get; }

    internal int Port { get; }

    /// <summary>The name of the operator producing this stream.</summary>
    public string OperatorName => Node.Name;

    /// <summary>Names the operator (names identify state in checkpoints and appear in metrics).</summary>
    public DataStream<T> Named(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("an operator name must not be empty", nameof(name));
        Node.Name = name;
        return this;
    }

    /// <summary>Sets how many parallel instances the operator runs.</summary>
    public DataStream<T> WithParallelism(int parallelism)
    {
        if (parallelism < 1) throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, $"parallelism of '{Node.Name}' must be at least 1");
        Node.Parallelism = parallelism;
        return this;
    }

    public DataStream<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Then("map", () => new MapOperator<T, TOut>(map), DeadLetters.TagOnly);
    }

    public DataStream<T> Filter(Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Then("filter", () => new FilterOperator<T>(predicate), DeadLetters.TagOnly);
    }

    public DataStream<TOut> FlatMap<TOut>(Action<T, ICollector<TOut>> flatMap)
    {
        ArgumentNullException.ThrowIfNull(flatMap);
        return Then("flat-map", () => new FlatMapOperator<T, TOut>(flatMap), DeadLetters.TagOnly);
    }

    public DataStream<TOut> FlatMap<TOut>(Func<T, IEnumerable<TOut>> flatMap)
    {
        ArgumentNullException.ThrowIfNull(flatMap);
        return FlatMap<TOut>((value, output) =>
        {
            foreach (var item in flatMap(value)) output.Collect(item);
        });
    }

    /// <summary>
    /// Runs <paramref name="function"/> per record; it may emit to the main output and to the side
    /// outputs named by <paramref name="sideOutputs"/> (read them with <c>SideOutput(tag)</c>).
    /// </summary>
    public DataStream<TOut> Process<TOut>(ProcessFunction<T, TOut> function, params IOutputTag[] sideOutputs)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Then("process", () => new ProcessOperator<T, TOut>(function, sideOutputs), sideOutputs.Append(DeadLetters.Tag), details: function.GetType().Name);
    }

    /// <summary>
    /// Calls an asynchronous function with at most <paramref name="parallelism"/> calls in flight;
    /// results are emitted in input order. A failed call sends its record to the dead letters.
    /// </summary>
    public DataStream<TOut> MapAsync<TOut>(int parallelism, Func<T, Task<TOut>> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (parallelism < 1) throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "MapAsync needs at least one call in flight");
        var node = Builder.Add(id => new MapAsyncNode<T, TOut>(id, $"map-async-{id}", parallelism, map));
        node.AddInput(new LogicalEdge(Node, Port, Partitioning.Forward));
        return new DataStream<TOut>(Builder, node, 0);
    }

    /// <summary>
    /// Partitions the stream by key: records with equal keys go to the same instance, whose keyed
    /// state and windows are scoped to that key. The key must have value equality.
    /// </summary>
    public KeyedStream<T, K> KeyBy<K>(Func<T, K> keySelector, ISerde<K>? keySerde = null, [CallerArgumentExpression(nameof(keySelector))] string? keyExpression = null)
        where K : notnull
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        KeyedStream<T, K>.RequireValueEquality();
        return new KeyedStream<T, K>(this, keySelector, keySerde ?? Serdes.Serdes.Default<K>(), keyExpression ?? "key");
    }

    /// <summary>Merges streams of the same type; watermarks combine to the minimum.</summary>
    public DataStream<T> Union(params DataStream<T>[] others)
    {
        var node = Builder.Add(id => new UnionNode<T>(id, $"union-{id}"));
        node.AddInput(new LogicalEdge(Node, Port, Partitioning.Forward));
        foreach (var other in others)
        {
            if (other.Builder != Builder) throw new ArgumentException("cannot union streams of different pipelines", nameof(others));
            node.AddInput(new LogicalEdge(other.Node, other.Port, Partitioning.Forward));
        }
        return new DataStream<T>(Builder, node, 0);
    }

    /// <summary>The side output <paramref name="tag"/> of this operator (late records, tagged outputs of Process).</summary>
    public DataStream<X> SideOutput<X>(OutputTag<X> tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (Node is ISideOutputHost host) return new DataStream<X>(Builder, Node, host.AddSideOutput(tag));
        throw new InvalidOperationException($"operator '{Node.Name}' ({Node.Kind}) has no side outputs; side outputs exist on Process and window operators");
    }

    /// <summary>The records this operator could not process, with the reason.</summary>
    public DataStream<DeadLetter> DeadLetterOutput()
    {
        var port = Node.PortOf(DeadLetters.Tag.Id);
        if (port < 0) throw new InvalidOperationException($"operator '{Node.Name}' ({Node.Kind}) produces no dead letters");
        return new DataStream<DeadLetter>(Builder, Node, port);
    }

    /// <summary>Writes the stream to a sink.</summary>
    public void To(ISinkDefinition<T> sink, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var node = Builder.Add(id => new SinkNode<T>(id, name ?? $"sink-{id}", sink));
        node.AddInput(new LogicalEdge(Node, Port, Partitioning.Forward));
    }

    /// <summary>Collects the stream in memory and returns the collection (tests, small results).</summary>
    public CollectionSink<T> ToCollection(string? name = null)
    {
        var sink = new CollectionSink<T>();
        To(sink, name);
        return sink;
    }

    /// <summary>Calls <paramref name="action"/> for every record.</summary>
    public void ForEach(Action<T> action, string? name = null) => To(new ForEachSink<T>(action ?? throw new ArgumentNullException(nameof(action))), name);

    public void ToConsole(Func<T, string>? format = null, string? name = null) => To(new ConsoleSink<T>(format), name);

    internal DataStream<TOut> Then<TOut>(string kind, Func<OneInputOperator<T, TOut>> factory, IEnumerable<IOutputTag> sideOutputs,
        Partitioning partitioning = Partitioning.Forward, string? key = null, string? details = null, object? router = null)
    {
        var node = Builder.Add(id => new OperatorNode<T, TOut>(id, $"{kind}-{id}", kind, factory, sideOutputs));
        if (details is not null) node.Details = details;
        node.AddInput(new LogicalEdge(Node, Port, partitioning, key, router));
        return new DataStream<TOut>(Builder, node, 0);
    }
}
