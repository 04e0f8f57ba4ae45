using Streamline.Core.Graph;
using Streamline.Core.Graph.Nodes;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.Sources;
using Streamline.Core.State;
using Streamline.Core.Time;

namespace Streamline.Core.Dsl;

/// <summary>
/// Starts a pipeline: add sources, chain operators on the returned streams, attach sinks, then
/// <see cref="Build"/> a validated <see cref="PipelineDefinition"/>.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<LogicalNode> _nodes = new();
    private readonly List<Action<PipelineBuilder>> _beforeBuild = new();
    private int _nextId;

    private PipelineBuilder(string name, int defaultParallelism, int maxParallelism)
    {
        Name = name;
        DefaultParallelism = defaultParallelism;
        MaxParallelism = maxParallelism;
    }

    public string Name { get; }

    public int DefaultParallelism { get; }

    public int MaxParallelism { get; }

    /// <summary>Serdes for records that cross process boundaries (exchanges between nodes).</summary>
    public SerdeRegistry Serdes { get; private set; } = SerdeRegistry.Builtins;

    /// <summary>Registers the serde records of <typeparamref name="T"/> use between nodes.</summary>
    public PipelineBuilder WithSerde<T>(ISerde<T> serde)
    {
        Serdes = Serdes.With(serde);
        return this;
    }

    public static PipelineBuilder Create(string name, int defaultParallelism = 1, int maxParallelism = KeyGroups.DefaultMaxParallelism)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("a pipeline needs a name (letters, digits, '-', '_')", nameof(name));
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"pipeline name '{name}' may only contain letters, digits, '-' and '_' (it is used in actor and table names)", nameof(name));
        if (maxParallelism is < 1 or > 32768)
            throw new ArgumentOutOfRangeException(nameof(maxParallelism), maxParallelism, "maxParallelism (the number of key groups) must be in 1..32768");
        if (defaultParallelism < 1 || defaultParallelism > maxParallelism)
            throw new ArgumentOutOfRangeException(nameof(defaultParallelism), defaultParallelism, $"defaultParallelism must be in 1..{maxParallelism} (maxParallelism)");
        return new PipelineBuilder(name, defaultParallelism, maxParallelism);
    }

    /// <summary>Reads from a source (Kafka, collection, generator).</summary>
    public DataStream<T> Source<T>(ISourceDefinition<T> source, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var node = Add(id => new SourceNode<T>(id, name ?? $"source-{id}", source));
        return new DataStream<T>(this, node, 0);
    }

    /// <summary>A bounded in-memory source; it ends with a final watermark so every window fires.</summary>
    public DataStream<T> FromCollection<T>(IEnumerable<T> items, WatermarkStrategy<T>? watermarks = null, string? name = null) =>
        Source(new CollectionSource<T>(items, watermarks), name);

    /// <summary>An unbounded source driven by an (endless) enumerable, e.g. a data generator.</summary>
    public DataStream<T> FromGenerator<T>(IEnumerable<T> generator, WatermarkStrategy<T>? watermarks = null, string? name = null) =>
        Source(new CollectionSource<T>(generator, watermarks, bounded: false), name);

    /// <summary>
    /// Every dead letter of the pipeline (bad records from sources, failures in user functions),
    /// merged into one stream. Without it, dead letters are logged and counted.
    /// </summary>
    public DataStream<DeadLetter> DeadLetters(string name = "dead-letters")
    {
        var union = Add(id => new UnionNode<DeadLetter>(id, name));
        _beforeBuild.Add(_ =>
        {
            foreach (var node in _nodes.ToArray())
            {
                if (node == union) continue;
                var port = node.PortOf(Operators.DeadLetters.Tag.Id);
                if (port >= 0) union.AddInput(new LogicalEdge(node, port, Partitioning.Forward));
            }
        });
        return new DataStream<DeadLetter>(this, union, 0);
    }

    internal TNode Add<TNode>(Func<int, TNode> create) where TNode : LogicalNode
    {
        var node = create(++_nextId);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Validates the graph and freezes it.</summary>
    public PipelineDefinition Build()
    {
        foreach (var step in _beforeBuild) step(this);
        _beforeBuild.Clear();
        var duplicate = _nodes.GroupBy(n => n.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"pipeline '{Name}': the operator name '{duplicate.Key}' is used {duplicate.Count()} times; names must be unique (they identify state in checkpoints)");
        if (!_nodes.Any(n => n.IsSink))
            throw new InvalidOperationException($"pipeline '{Name}' has no sink: nothing would be written. Attach one with To(...), ToCollection() or ToConsole()");
        foreach (var node in _nodes)
        {
            if (node.Parallelism < 0 || node.Parallelism > MaxParallelism)
                throw new InvalidOperationException($"operator '{node.Name}': parallelism {node.Parallelism} must be in 1..{MaxParallelism} (maxParallelism)");
            if (!node.IsSource && node.Inputs.Count == 0)
                throw new InvalidOperationException($"operator '{node.Name}' has no input");
        }
        return new PipelineDefinition(Name, _nodes.ToArray(), DefaultParallelism, MaxParallelism, Serdes);
    }
}
