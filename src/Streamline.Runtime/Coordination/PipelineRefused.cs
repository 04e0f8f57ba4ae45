namespace Streamline.Runtime.Coordination;

/// <summary>The manager did not start the pipeline; <see cref="Reason"/> says why and what to do.</summary>
public sealed record PipelineRefused(string Pipeline, string Reason, bool AlreadyRunning = false);
