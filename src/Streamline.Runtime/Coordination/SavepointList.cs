namespace Streamline.Runtime.Coordination;

/// <summary>A pipeline's savepoints, oldest first (<see cref="Failure"/> set when they could not be read).</summary>
public sealed record SavepointList(string Pipeline, IReadOnlyList<SavepointInfo> Savepoints, string? Failure);
