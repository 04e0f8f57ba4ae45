namespace Streamline.Runtime.Coordination;

/// <summary>A savepoint was taken (<see cref="Failure"/> null) or could not be.</summary>
public sealed record SavepointResult(string Pipeline, long SavepointId, string? Failure);
