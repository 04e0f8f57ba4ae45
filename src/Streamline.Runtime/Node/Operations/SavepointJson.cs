namespace Streamline.Runtime.Node.Operations;

/// <summary><c>POST /pipelines/{name}/savepoint</c>: the savepoint taken, to submit the pipeline from (<c>streamline node --submit NAME --from-savepoint ID</c>).</summary>
public sealed record SavepointJson(string Pipeline, long Savepoint);
