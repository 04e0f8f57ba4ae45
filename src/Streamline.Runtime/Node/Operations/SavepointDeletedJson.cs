namespace Streamline.Runtime.Node.Operations;

/// <summary><c>DELETE /pipelines/{name}/savepoints/{id}</c>: the savepoint's stored state and its journal entry are gone.</summary>
public sealed record SavepointDeletedJson(string Pipeline, long Savepoint);
