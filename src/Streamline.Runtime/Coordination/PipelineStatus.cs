namespace Streamline.Runtime.Coordination;

/// <summary>A snapshot of a pipeline's state and of each of its tasks, as its coordinator knows it.</summary>
public sealed record PipelineStatus(string Pipeline, PipelineState State, int Epoch, int Restarts, IReadOnlyList<PipelineTaskStatus> Tasks)
{
    /// <summary>Why the pipeline failed (state <see cref="PipelineState.Failed"/>).</summary>
    public string? Failure { get; init; }

    /// <summary>Checkpoints: the last completed, its duration and size, failures since; the checkpoint this deployment restored.</summary>
    public CheckpointInfo Checkpoints { get; init; } = CheckpointInfo.None;

    public static PipelineStatus Initial(string pipeline) => new(pipeline, PipelineState.Deploying, 0, 0, Array.Empty<PipelineTaskStatus>());
}
