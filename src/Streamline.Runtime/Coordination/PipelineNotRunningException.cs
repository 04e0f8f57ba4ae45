namespace Streamline.Runtime.Coordination;

/// <summary>An operation named a pipeline that does not run anywhere in the cluster; the message lists the ones that do.</summary>
public sealed class PipelineNotRunningException : InvalidOperationException
{
    public PipelineNotRunningException(string pipeline, IReadOnlyCollection<string> running)
        : base($"pipeline '{pipeline}' is not running in this cluster; running: {(running.Count == 0 ? "none" : string.Join(", ", running))}")
    {
        Pipeline = pipeline;
        Running = running;
    }

    public string Pipeline { get; }

    public IReadOnlyCollection<string> Running { get; }
}
