namespace Streamline.Runtime.Coordination;

/// <summary>The pipeline manager's journal event: a pipeline finished, was stopped or failed.</summary>
public sealed record PipelineEnded(string Pipeline);
