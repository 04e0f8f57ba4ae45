using Akka.Actor;
using Streamline.Runtime.Checkpoints;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// The savepoints in a pipeline's <see cref="CheckpointLog"/>, as its coordinator and the
/// <see cref="SavepointKeeper"/> both rebuild them from the log's history, and the deletion they
/// share: the state goes first (repeatable), then the log records <see cref="SavepointDeleted"/>.
/// A savepoint being deleted is no longer offered as a restore point.
/// </summary>
internal sealed class SavepointCatalog(string pipeline, ICheckpointStorage storage)
{
    private readonly SortedDictionary<long, CheckpointCompleted> _savepoints = new();
    private readonly HashSet<long> _deleting = new();

    /// <summary>The savepoints that can be restored (not being deleted).</summary>
    public IEnumerable<CheckpointCompleted> Usable => _savepoints.Values.Where(s => !_deleting.Contains(s.CheckpointId));

    public void Add(CheckpointCompleted savepoint) => _savepoints[savepoint.CheckpointId] = savepoint;

    /// <summary>One event of the log's history, for savepoints: one completed, or one deleted.</summary>
    public void Apply(object logEvent)
    {
        if (logEvent is CheckpointCompleted { Kind: CheckpointKind.Savepoint } savepoint) Add(savepoint);
        else if (logEvent is SavepointDeleted deleted) Remove(deleted.CheckpointId);
    }

    public void Remove(long id)
    {
        _savepoints.Remove(id);
        _deleting.Remove(id);
    }

    public bool TryGet(long id, out CheckpointCompleted savepoint) =>
        _savepoints.TryGetValue(id, out savepoint!) && !_deleting.Contains(id);

    public string Ids => _savepoints.Count == 0 ? "none" : string.Join(", ", _savepoints.Keys);

    public SavepointList List() =>
        new(pipeline, _savepoints.Values.Select(s => new SavepointInfo(s.CheckpointId, s.Timestamp, s.Bytes, new Dictionary<int, int>(s.Parallelism))).ToList(), null);

    /// <summary>
    /// Starts deleting savepoint <paramref name="id"/>'s state; <paramref name="self"/> receives
    /// <see cref="StateDeleted"/>, on which the actor has its <see cref="CheckpointLog"/> record the
    /// deletion (then <see cref="Deleted"/>) or reports the error (<see cref="Failed"/>). Returns the
    /// refusal instead when there is nothing to delete.
    /// </summary>
    public string? StartDelete(long id, IActorRef self, IActorRef requester)
    {
        if (!_savepoints.TryGetValue(id, out var savepoint))
            return $"pipeline '{pipeline}' has no savepoint {id} (savepoints: {Ids})";
        if (!_deleting.Add(id))
            return $"savepoint {id} of pipeline '{pipeline}' is being deleted already";
        var tasks = savepoint.Parallelism.Select(kv => (kv.Key, kv.Value)).ToList();
        storage.DeleteAsync(CheckpointKind.Savepoint, pipeline, id, tasks).ContinueWith(
            t => new StateDeleted(id, requester, t.IsFaulted ? t.Exception!.GetBaseException().Message : null),
            TaskScheduler.Default).PipeTo(self);
        return null;
    }

    /// <summary>The state of a savepoint is gone (or could not be deleted: <see cref="Error"/>).</summary>
    public sealed record StateDeleted(long SavepointId, IActorRef Requester, string? Error);

    /// <summary>The journal recorded the deletion: the savepoint is gone, the requester hears so.</summary>
    public void Deleted(StateDeleted deleted)
    {
        Remove(deleted.SavepointId);
        deleted.Requester.Tell(new SavepointDeleteResult(pipeline, deleted.SavepointId, null));
    }

    /// <summary>The state could not be deleted: the savepoint stays listed (a retry finishes the job), the requester hears why.</summary>
    public void Failed(StateDeleted deleted)
    {
        _deleting.Remove(deleted.SavepointId);
        deleted.Requester.Tell(new SavepointDeleteResult(pipeline, deleted.SavepointId,
            $"savepoint {deleted.SavepointId} of pipeline '{pipeline}' could not be deleted: {deleted.Error}; it is still listed (part of its state may be gone): delete it again"));
    }
}
