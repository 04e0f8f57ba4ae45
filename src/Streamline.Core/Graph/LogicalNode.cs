using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Stages;

namespace Streamline.Core.Graph;

/// <summary>
/// One operator of the logical graph. Nodes know their inputs, their output ports and how to
/// create the Akka stage of one parallel instance; the runner decides where instances run.
/// </summary>
public abstract class LogicalNode
{
    private readonly List<LogicalEdge> _inputs = new();

    protected LogicalNode(int id, string name, string kind)
    {
        Id = id;
        Name = name;
        Kind = kind;
    }

    public int Id { get; }

    public string Name { get; internal set; }

    /// <summary>"source", "map", "window", ... for Explain and metrics.</summary>
    public string Kind { get; }

    /// <summary>0 means "the pipeline's default".</summary>
    public int Parallelism { get; internal set; }

    /// <summary>A human description of what the node does (window size, key, sink target).</summary>
    public string Details { get; internal set; } = "";

    public IReadOnlyList<LogicalEdge> Inputs => _inputs;

    /// <summary>Port 0 is the main output; further ports are side outputs (dead letters, late records, tags).</summary>
    public abstract IReadOnlyList<IPortSpec> OutputPorts { get; }

    public virtual bool IsSource => false;

    public virtual bool IsSink => false;

    internal void AddInput(LogicalEdge edge) => _inputs.Add(edge);

    internal int PortOf(string tagId)
    {
        for (var i = 0; i < OutputPorts.Count; i++)
            if (OutputPorts[i].Name == tagId) return i;
        return -1;
    }

    /// <summary>Creates the stage of one instance. <paramref name="register"/> receives materialized controls (sources, sinks).</summary>
    internal abstract IGraph<OperatorShape, NotUsed> CreateStage(OperatorContext context, StageServices services);
}
