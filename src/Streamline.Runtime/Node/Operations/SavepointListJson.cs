namespace Streamline.Runtime.Node.Operations;

/// <summary><c>GET /pipelines/{name}/savepoints</c>: the pipeline's savepoints, oldest first, whether it runs or not.</summary>
public sealed record SavepointListJson(string Pipeline, IReadOnlyList<SavepointInfoJson> Savepoints);
