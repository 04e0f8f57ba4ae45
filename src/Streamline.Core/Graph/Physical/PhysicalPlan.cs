using System.Text;

namespace Streamline.Core.Graph.Physical;

/// <summary>
/// The logical graph cut into vertices (fused chains) and exchanges between them. A node joins
/// its input's vertex when it has one input, the edge is forward (or both sides have one instance)
/// and the parallelism is equal.
/// </summary>
public sealed class PhysicalPlan
{
    private readonly Dictionary<LogicalNode, Vertex> _vertexOf;

    private PhysicalPlan(PipelineDefinition definition, IReadOnlyList<Vertex> vertices, Dictionary<LogicalNode, Vertex> vertexOf, IReadOnlyList<PhysicalEdge> edges)
    {
        Definition = definition;
        Vertices = vertices;
        _vertexOf = vertexOf;
        Edges = edges;
    }

    public PipelineDefinition Definition { get; }

    public IReadOnlyList<Vertex> Vertices { get; }

    /// <summary>Edges that cross vertices (exchanges and pointwise connections between tasks).</summary>
    public IReadOnlyList<PhysicalEdge> Edges { get; }

    public Vertex VertexOf(LogicalNode node) => _vertexOf[node];

    public static PhysicalPlan Create(PipelineDefinition definition)
    {
        var vertexOf = new Dictionary<LogicalNode, Vertex>();
        var members = new Dictionary<LogicalNode, List<LogicalNode>>();
        var root = new Dictionary<LogicalNode, LogicalNode>();
        foreach (var node in definition.Nodes)
        {
            var chainTo = node.Inputs.Count == 1 && Chainable(definition, node.Inputs[0], node) ? root[node.Inputs[0].From] : node;
            root[node] = chainTo;
            if (!members.TryGetValue(chainTo, out var list)) members[chainTo] = list = new List<LogicalNode>();
            list.Add(node);
        }
        var vertices = new List<Vertex>();
        foreach (var (head, nodes) in members)
        {
            var vertex = new Vertex(vertices.Count, nodes, definition.ParallelismOf(head));
            vertices.Add(vertex);
            foreach (var n in nodes) vertexOf[n] = vertex;
        }
        var edges = new List<PhysicalEdge>();
        foreach (var node in definition.Nodes)
            for (var i = 0; i < node.Inputs.Count; i++)
            {
                var input = node.Inputs[i];
                if (vertexOf[input.From] != vertexOf[node])
                    edges.Add(new PhysicalEdge(edges.Count, input, node, i, vertexOf[input.From], vertexOf[node]));
            }
        return new PhysicalPlan(definition, vertices, vertexOf, edges);
    }

    // Between single instances any partitioning is the identity, so those edges fuse too.
    private static bool Chainable(PipelineDefinition definition, LogicalEdge edge, LogicalNode node)
    {
        var from = definition.ParallelismOf(edge.From);
        var to = definition.ParallelismOf(node);
        return from == to && (edge.Partitioning == Partitioning.Forward || to == 1);
    }

    /// <summary>Vertices with their parallelism and the exchanges between them.</summary>
    public string Explain()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Physical plan of '{Definition.Name}': {Vertices.Count} vertices, {Vertices.Sum(v => v.Parallelism)} tasks");
        foreach (var v in Vertices)
        {
            sb.AppendLine($"  vertex {v.Id} x{v.Parallelism}: {v.Name}");
            foreach (var e in Edges.Where(e => e.To == v))
            {
                var key = e.Logical.KeyDescription is null ? "" : $" by {e.Logical.KeyDescription}";
                var kind = e.IsPointwise ? "pointwise" : e.Effective.ToString().ToLowerInvariant() + key;
                sb.AppendLine($"        <- vertex {e.From.Id} ({e.Logical.From.Name}) [{kind}]");
            }
        }
        return sb.ToString();
    }
}
