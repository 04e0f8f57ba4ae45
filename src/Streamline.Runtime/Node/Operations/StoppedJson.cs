namespace Streamline.Runtime.Node.Operations;

/// <summary><c>POST /pipelines/{name}/stop</c>: the pipeline finished draining; <see cref="State"/> is its final state.</summary>
public sealed record StoppedJson(string Pipeline, string State);
