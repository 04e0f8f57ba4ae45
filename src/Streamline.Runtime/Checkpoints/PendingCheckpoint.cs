using Akka.Actor;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Checkpoints;

/// <summary>A checkpoint the coordinator triggered and is collecting acknowledgements for.</summary>
public sealed class PendingCheckpoint(long id, CheckpointKind kind, int epoch, DateTime started, IActorRef? requester)
{
    public long Id { get; } = id;

    public CheckpointKind Kind { get; } = kind;

    public int Epoch { get; } = epoch;

    public DateTime Started { get; } = started;

    /// <summary>Who asked for it (a savepoint request), answered when it completes or fails.</summary>
    public IActorRef? Requester { get; } = requester;

    public HashSet<TaskId> Acknowledged { get; } = new();

    public long Bytes { get; set; }

    /// <summary>Every task acknowledged; the completion is being written to the journal.</summary>
    public bool Recording { get; set; }
}
