namespace Streamline.Runtime.Coordination;

/// <summary>Asks the pipeline manager for a pipeline's savepoints, running or not; answered with <see cref="SavepointList"/>.</summary>
public sealed record ListSavepoints(string Pipeline);
