namespace Streamline.Core.Graph.Physical;

/// <summary>
/// Operators fused together (connected by forward edges at equal parallelism): the unit of
/// parallelism. Instance i of a vertex is one task; its operators call each other in one actor.
/// </summary>
public sealed class Vertex
{
    internal Vertex(int id, IReadOnlyList<LogicalNode> nodes, int parallelism)
    {
        Id = id;
        Nodes = nodes;
        Parallelism = parallelism;
    }

    public int Id { get; }

    /// <summary>The vertex's operators in topological order.</summary>
    public IReadOnlyList<LogicalNode> Nodes { get; }

    public int Parallelism { get; }

    public string Name => string.Join(" → ", Nodes.Select(n => n.Name));
}
