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

    /// <summary>Every task finished (bounded inputs).</summary>
    Finished,

    /// <summary>Gave up after too many restarts; see the handle's completion for the reason.</summary>
    Failed,
}
