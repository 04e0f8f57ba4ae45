using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Streamline.Runtime.Checkpoints;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// The journal of a pipeline's completed checkpoints and savepoints, a child of its coordinator.
/// It is an actor of its own because Akka.Persistence stops an actor whose journal write fails:
/// when the database goes down between the tasks storing their state and the completion being
/// recorded, this log stops (the checkpoint counts as failed) and the coordinator, with the
/// pipeline it runs, carries on and starts a new log later. On start it recovers the history and
/// sends it to its parent (<see cref="History"/>; the coordinator deploys only after that). It is
/// the one writer of this journal: a <see cref="SavepointKeeper"/> runs one too, for a pipeline
/// that is not running. Before it stops on a journal error it tells its parent why (<see cref="Failed"/>).
/// </summary>
internal sealed class CheckpointLog : ReceivePersistentActor
{
    private readonly string _pipeline;
    private readonly List<object> _history = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public CheckpointLog(string pipeline)
    {
        _pipeline = pipeline;
        Recover<CheckpointCompleted>(_history.Add);
        Recover<SavepointDeleted>(_history.Add);
        Recover<RecoveryCompleted>(_ => Context.Parent.Tell(new History(_history.ToList())));
        Command<CheckpointCompleted>(c => Persist(c, done => Context.Parent.Tell(new Recorded(done))));
        Command<SavepointCatalog.StateDeleted>(d => Persist(new SavepointDeleted(d.SavepointId), _ => Context.Parent.Tell(new Recorded(d))));
    }

    public override string PersistenceId => PersistenceIdOf(_pipeline);

    /// <summary>The journal of pipeline <paramref name="pipeline"/>'s checkpoints and savepoints.</summary>
    public static string PersistenceIdOf(string pipeline) => $"streamline-pipeline|{pipeline}|checkpoints";

    public static Props Props(string pipeline) => Akka.Actor.Props.Create(() => new CheckpointLog(pipeline));

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        Context.Parent.Tell(new Failed(reason.GetBaseException().Message));
        base.OnRecoveryFailure(reason, message);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _log.Warning("pipeline {0}: the journal could not record {1}: {2}; the checkpoint counts as failed, a new log starts when the journal is back",
            _pipeline, @event.GetType().Name, cause.GetBaseException().Message);
        Context.Parent.Tell(new Failed(cause.GetBaseException().Message));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <summary>The journal could not be read or written (the log stops next); <see cref="Reason"/> is the store's error.</summary>
    public sealed record Failed(string Reason);

    /// <summary>Every <see cref="CheckpointCompleted"/> and <see cref="SavepointDeleted"/> so far, oldest first.</summary>
    public sealed record History(IReadOnlyList<object> Events);

    /// <summary>The <see cref="CheckpointCompleted"/> or <see cref="SavepointCatalog.StateDeleted"/> sent is durable.</summary>
    public sealed record Recorded(object What);
}
