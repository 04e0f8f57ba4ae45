namespace Streamline.Runtime.Coordination;

/// <summary>A savepoint was deleted (<see cref="Failure"/> null) or could not be, and why.</summary>
public sealed record SavepointDeleteResult(string Pipeline, long SavepointId, string? Failure);
