namespace Streamline.Runtime.Node.Operations;

/// <summary>One savepoint: its id, when it completed, its stored size and each vertex's parallelism then (vertex id → tasks).</summary>
public sealed record SavepointInfoJson(long Savepoint, DateTimeOffset CompletedAt, long Bytes, IReadOnlyDictionary<int, int> Parallelism);
