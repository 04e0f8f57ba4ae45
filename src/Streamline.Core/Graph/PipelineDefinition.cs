using System.Text;
using Streamline.Core.Graph.Nodes;

namespace Streamline.Core.Graph;

/// <summary>A validated, immutable logical graph: what <c>PipelineBuilder.Build()</c> returns.</summary>
public sealed class PipelineDefinition
{
    internal PipelineDefinition(string name, IReadOnlyList<LogicalNode> nodes, int defaultParallelism, int maxParallelism, Serdes.SerdeRegistry serdes)
    {
        Serdes = serdes;
        Name = name;
        Nodes = nodes;
        DefaultParallelism = defaultParallelism;
        MaxParallelism = maxParallelism;
    }

    public string Name { get; }

    /// <summary>Nodes in topological order (inputs before the nodes that read them).</summary>
    public IReadOnlyList<LogicalNode> Nodes { get; }

    public int DefaultParallelism { get; }

    /// <summary>Serdes for records crossing process boundaries.</summary>
    public Serdes.SerdeRegistry Serdes { get; }

    public int MaxParallelism { get; }

    public int ParallelismOf(LogicalNode node) => node.Parallelism > 0 ? node.Parallelism : DefaultParallelism;

    public LogicalNode Node(string name) =>
        Nodes.FirstOrDefault(n => n.Name == name)
        ?? throw new ArgumentException($"pipeline '{Name}' has no operator named '{name}'; it has: {string.Join(", ", Nodes.Select(n => n.Name))}", nameof(name));

    /// <summary>The consumers of output <paramref name="port"/> of <paramref name="node"/>.</summary>
    public IEnumerable<(LogicalNode Consumer, int InputIndex)> ConsumersOf(LogicalNode node, int port)
    {
        foreach (var consumer in Nodes)
            for (var i = 0; i < consumer.Inputs.Count; i++)
                if (consumer.Inputs[i].From == node && consumer.Inputs[i].Port == port) yield return (consumer, i);
    }

    /// <summary>The logical plan followed by the physical plan (vertices and exchanges).</summary>
    public string Explain() => ExplainLogical() + Physical.PhysicalPlan.Create(this).Explain();

    /// <summary>A readable plan: each operator with its kind, parallelism, inputs (partitioning, key) and details.</summary>
    public string ExplainLogical()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Pipeline '{Name}' (default parallelism {DefaultParallelism}, max parallelism {MaxParallelism} key groups)");
        foreach (var node in Nodes)
        {
            sb.Append($"  [{node.Id}] {node.Name} : {node.Kind}");
            sb.Append($"  parallelism={ParallelismOf(node)}");
            if (node.Details.Length > 0) sb.Append($"  ({node.Details})");
            sb.AppendLine();
            foreach (var edge in node.Inputs)
            {
                var port = edge.Port == 0 ? "" : $".{edge.From.OutputPorts[edge.Port].Name}";
                var key = edge.KeyDescription is null ? "" : $" by {edge.KeyDescription}";
                sb.AppendLine($"        <- {edge.From.Name}{port} [{edge.Partitioning.ToString().ToLowerInvariant()}{key}]");
            }
        }
        return sb.ToString();
    }

}
