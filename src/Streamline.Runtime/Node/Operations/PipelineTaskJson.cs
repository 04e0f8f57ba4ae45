using Streamline.Runtime.Coordination;

namespace Streamline.Runtime.Node.Operations;

/// <summary>
/// One task of a pipeline's status: its id (pipeline/vVERTEX#INDEX), the node it runs on (null:
/// not placed), records in and out, the fraction of the last interval its outputs waited for credit
/// (backpressure), outputs waiting now, the watermark it last forwarded (null: none yet).
/// </summary>
public sealed record PipelineTaskJson(string Task, int Vertex, int Index, string? Node, long RecordsIn, long RecordsOut, double Backpressure, int BlockedOutputs, long? Watermark, bool Finished)
{
    public static PipelineTaskJson From(PipelineTaskStatus t) =>
        new(t.Task.ToString(), t.Task.Vertex, t.Task.Index, t.Node?.ToString(), t.RecordsIn, t.RecordsOut, t.BackpressuredFraction, t.BlockedOutputs,
            t.Watermark == long.MinValue ? null : t.Watermark, t.Finished);
}
