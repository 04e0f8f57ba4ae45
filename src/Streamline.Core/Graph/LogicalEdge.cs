namespace Streamline.Core.Graph;

/// <summary>
/// An input of a node: output <see cref="Port"/> of <see cref="From"/> (0 = main, n = side output n).
/// Hash edges carry the <see cref="Router"/> (an <c>IRecordRouter&lt;T&gt;</c>) that picks the target task.
/// </summary>
public sealed record LogicalEdge(LogicalNode From, int Port, Partitioning Partitioning, string? KeyDescription = null, object? Router = null);
