namespace Streamline.Runtime.Coordination;

/// <summary>Where a submitted pipeline is in its life.</summary>
public enum PipelineState
{
    /// <summary>Tasks are being deployed; not all confirmed yet.</summary>
    Deploying,

    /// <summary>Every task runs.</summary>
    Running,

    /// <summary>A task was lost or failed; the pipeline waits out its backoff before redeploying.</summary>
    Restarting,

    /// <summary>A stop was requested: sources stopped, the tasks drain what is in flight.</summary>
    Stopping,

    /// <summary>Every task finished (bounded inputs, or drained after a stop).</summary>
    Finished,

    /// <summary>Gave up after too many restarts; see the handle's completion for the reason.</summary>
    Failed,
}
