namespace Streamline.Runtime.Coordination;

/// <summary>Asks the pipeline manager to delete a savepoint (its stored state and its entry); answered with <see cref="SavepointDeleteResult"/>.</summary>
public sealed record DeleteSavepoint(string Pipeline, long SavepointId);
