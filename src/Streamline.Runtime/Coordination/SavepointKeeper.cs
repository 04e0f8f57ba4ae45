using Akka.Actor;
using Streamline.Runtime.Checkpoints;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// Lists or deletes the savepoints of a pipeline that is not running: it starts the pipeline's
/// <see cref="CheckpointLog"/> (the manager starts no coordinator meanwhile, so the log has one
/// writer), answers its one request (<see cref="ListSavepoints"/> or <see cref="DeleteSavepoint"/>)
/// from the log's history, and stops. A journal that cannot be read or written is reported to the
/// requester with the store's error, never left unanswered.
/// </summary>
internal sealed class SavepointKeeper : ReceiveActor
{
    private readonly string _pipeline;
    private readonly object _request;
    private readonly IActorRef _requester;
    private string? _journalError;
    private bool _recovered;

    public SavepointKeeper(string pipeline, ICheckpointStorage storage, object request, IActorRef requester)
    {
        _pipeline = pipeline;
        _request = request;
        _requester = requester;
        var catalog = new SavepointCatalog(pipeline, storage);
        var log = Context.Watch(Context.ActorOf(CheckpointLog.Props(pipeline), "checkpoints"));

        Receive<CheckpointLog.History>(h =>
        {
            _recovered = true;
            foreach (var e in h.Events) catalog.Apply(e);
            Self.Tell(request, requester);
        });
        Receive<ListSavepoints>(_ =>
        {
            Sender.Tell(catalog.List());
            Context.Stop(Self);
        });
        Receive<DeleteSavepoint>(d =>
        {
            if (catalog.StartDelete(d.SavepointId, Self, Sender) is not { } refused) return;
            Sender.Tell(new SavepointDeleteResult(_pipeline, d.SavepointId, refused));
            Context.Stop(Self);
        });
        Receive<SavepointCatalog.StateDeleted>(d =>
        {
            if (d.Error is null)
            {
                log.Tell(d);
                return;
            }
            catalog.Failed(d);
            Context.Stop(Self);
        });
        Receive<CheckpointLog.Recorded>(r =>
        {
            catalog.Deleted((SavepointCatalog.StateDeleted)r.What);
            Context.Stop(Self);
        });
        Receive<CheckpointLog.Failed>(f => _journalError = f.Reason);
        Receive<Terminated>(_ =>
        {
            Fail(_recovered
                ? $"its state was deleted but the journal of pipeline '{_pipeline}' could not record it: {_journalError ?? "the checkpoint log stopped"}; delete it again"
                : $"the journal of pipeline '{_pipeline}' could not be read: {_journalError ?? "the checkpoint log stopped"}");
            Context.Stop(Self);
        });
    }

    public static Props Props(string pipeline, ICheckpointStorage storage, object request, IActorRef requester) =>
        Akka.Actor.Props.Create(() => new SavepointKeeper(pipeline, storage, request, requester));

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
