namespace Streamline.Runtime.Node.Operations;

/// <summary><c>GET /pipelines</c>: the pipelines running in the cluster, and those this node can run (its registry).</summary>
public sealed record PipelineListJson(IReadOnlyList<PipelineSummaryJson> Pipelines, IReadOnlyList<string> Registered);
