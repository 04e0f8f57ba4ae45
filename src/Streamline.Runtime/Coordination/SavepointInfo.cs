namespace Streamline.Runtime.Coordination;

/// <summary>One savepoint: its id, when it completed (Unix ms), its stored size and each vertex's parallelism then.</summary>
public sealed record SavepointInfo(long SavepointId, long Timestamp, long Bytes, IReadOnlyDictionary<int, int> Parallelism);
