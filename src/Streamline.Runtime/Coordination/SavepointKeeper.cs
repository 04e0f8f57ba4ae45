using Akka.Actor;
using Akka.Persistence;
using Streamline.Runtime.Checkpoints;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// Lists or deletes the savepoints of a pipeline that is not running: it recovers the pipeline's
/// checkpoint log (same persistence id as <see cref="CheckpointLog"/>; the manager starts no
/// coordinator meanwhile), answers
/// its one request (<see cref="ListSavepoints"/> or <see cref="DeleteSavepoint"/>), and stops. A
/// journal it cannot read or write is reported to the requester, never left unanswered.
/// </summary>
internal sealed class SavepointKeeper : ReceivePersistentActor
{
    private readonly string _pipeline;
    private readonly SavepointCatalog _catalog;
    private readonly object _request;
    private readonly IActorRef _requester;

    public SavepointKeeper(string pipeline, ICheckpointStorage storage, object request, IActorRef requester)
    {
        _pipeline = pipeline;
        _catalog = new SavepointCatalog(pipeline, storage);
        _request = request;
        _requester = requester;
        Recover<CheckpointCompleted>(c => { if (c.Kind == CheckpointKind.Savepoint) _catalog.Add(c); });
        Recover<SavepointDeleted>(d => _catalog.Remove(d.CheckpointId));
        Recover<RecoveryCompleted>(_ => Self.Tell(request, requester));

        Command<ListSavepoints>(_ =>
        {
            Sender.Tell(_catalog.List());
            Context.Stop(Self);
        });
        Command<DeleteSavepoint>(d =>
        {
            if (_catalog.StartDelete(d.SavepointId, Self, Sender) is not { } refused) return;
            Sender.Tell(new SavepointDeleteResult(_pipeline, d.SavepointId, refused));
            Context.Stop(Self);
        });
        Command<SavepointCatalog.StateDeleted>(d =>
        {
            if (d.Error is not null)
            {
                _catalog.Failed(d);
                Context.Stop(Self);
                return;
            }
            Persist(new SavepointDeleted(d.SavepointId), _ =>
            {
                _catalog.Deleted(d);
                Context.Stop(Self);
            });
        });
    }

    public override string PersistenceId => CheckpointLog.PersistenceIdOf(_pipeline);

    public static Props Props(string pipeline, ICheckpointStorage storage, object request, IActorRef requester) =>
        Akka.Actor.Props.Create(() => new SavepointKeeper(pipeline, storage, request, requester));

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        Fail($"the journal of pipeline '{_pipeline}' could not be read: {reason.GetBaseException().Message}");
        base.OnRecoveryFailure(reason, message);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        Fail($"its state was deleted but the journal of pipeline '{_pipeline}' could not record it: {cause.GetBaseException().Message}; delete it again");
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    private void Fail(string reason)
    {
        switch (_request)
        {
            case ListSavepoints:
                _requester.Tell(new SavepointList(_pipeline, Array.Empty<SavepointInfo>(), reason));
                break;
            case DeleteSavepoint d:
                _requester.Tell(new SavepointDeleteResult(_pipeline, d.SavepointId, $"savepoint {d.SavepointId}: {reason}"));
                break;
        }
    }
}
