using Streamline.Runtime.Coordination;

namespace Streamline.Runtime.Node.Operations;

/// <summary><c>GET /pipelines/{name}</c>: a pipeline's status as its coordinator knows it.</summary>
public sealed record PipelineStatusJson(string Pipeline, PipelineState State, int Epoch, int Restarts, string? Failure, CheckpointsJson Checkpoints, IReadOnlyList<PipelineTaskJson> Tasks)
{
    public static PipelineStatusJson From(PipelineStatus status) =>
        new(status.Pipeline, status.State, status.Epoch, status.Restarts, status.Failure, CheckpointsJson.From(status.Checkpoints), status.Tasks.Select(PipelineTaskJson.From).ToList());
}
