namespace Streamline.Runtime.Node.Operations;

/// <summary>
/// One running pipeline in <c>GET /pipelines</c>: its state (a <see cref="Coordination.PipelineState"/>,
/// or <c>Unknown</c> with <see cref="Error"/> when its coordinator did not answer), epoch, restarts,
/// task count and last completed checkpoint or savepoint id (0: none).
/// </summary>
public sealed record PipelineSummaryJson(string Pipeline, string State, int? Epoch, int? Restarts, int? Tasks, long? LastCheckpoint, string? Error);
