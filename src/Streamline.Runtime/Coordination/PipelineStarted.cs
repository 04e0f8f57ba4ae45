namespace Streamline.Runtime.Coordination;

/// <summary>The pipeline manager's journal event: a pipeline was submitted and runs.</summary>
public sealed record PipelineStarted(string Pipeline);
