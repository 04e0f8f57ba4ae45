namespace Streamline.Runtime.Checkpoints;

/// <summary>Which task's state of which checkpoint an operation is about, for error messages.</summary>
internal readonly record struct TaskCheckpoint(CheckpointKind Kind, string Pipeline, long CheckpointId, int Vertex, int Index)
{
    public string KindName => Kind == CheckpointKind.Savepoint ? "savepoint" : "checkpoint";

    public string Task => $"v{Vertex}#{Index}";

    public string Describe() => $"{KindName} {CheckpointId} of pipeline '{Pipeline}'";
}
