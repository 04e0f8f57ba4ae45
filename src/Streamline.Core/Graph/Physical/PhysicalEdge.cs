namespace Streamline.Core.Graph.Physical;

/// <summary>An edge between two vertices: where records leave one task and enter another.</summary>
public sealed record PhysicalEdge(int Id, LogicalEdge Logical, LogicalNode Consumer, int InputIndex, Vertex From, Vertex To)
{
    /// <summary>Forward between equal parallelism connects task i to task i; everything else is an all-to-all exchange.</summary>
    public bool IsPointwise => Logical.Partitioning == Partitioning.Forward && From.Parallelism == To.Parallelism;

    /// <summary>Partitioning actually used: forward between different parallelism becomes a rebalance.</summary>
    public Partitioning Effective => Logical.Partitioning == Partitioning.Forward && !IsPointwise ? Partitioning.Rebalance : Logical.Partitioning;

    public IReadOnlyList<int> TargetsOf(int sourceInstance) =>
        IsPointwise ? new[] { sourceInstance } : Enumerable.Range(0, To.Parallelism).ToArray();

    public IReadOnlyList<int> SourcesOf(int targetInstance) =>
        IsPointwise ? new[] { targetInstance } : Enumerable.Range(0, From.Parallelism).ToArray();
}
