namespace Streamline.Core.Sinks;

/// <summary>Observes a running sink instance.</summary>
public interface ISinkControl
{
    /// <summary>Completes when the sink finished (input ended) or failed.</summary>
    Task Completion { get; }

    long RecordsWritten { get; }
}
