namespace Streamline.Core.Graph;

/// <summary>An input of a node: output <see cref="Port"/> of <see cref="From"/> (0 = main, n = side output n).</summary>
public sealed record LogicalEdge(LogicalNode From, int Port, Partitioning Partitioning, string? KeyDescription = null);
