using Akka.Actor;
using Akka.Persistence;

namespace Streamline.Runtime.Tests.Persistence;

/// <summary>A small persistent actor: string events, byte[] snapshots, its recovered state on request.</summary>
public sealed class Recorder : ReceivePersistentActor
{
    /// <summary>One Persist; replies <see cref="Done"/> once it is written.</summary>
    public sealed record Append(string Event);

    /// <summary><paramref name="Count"/> events: one PersistAll, or as many Persist calls in one command handler.</summary>
    public sealed record AppendMany(string Prefix, int Count, bool AsOnePersistAll);

    /// <summary>Saves <paramref name="Payload"/> as the snapshot; replies <see cref="Done"/> once it is written.</summary>
    public sealed record TakeSnapshot(byte[] Payload);

    public sealed record GetState;

    /// <summary>The events recovered or written by this incarnation (after the snapshot, if one was offered).</summary>
    public sealed record State(IReadOnlyList<string> Events, byte[]? Snapshot, long SnapshotSequenceNr, long LastSequenceNr);

    public sealed record Done;

    private readonly List<string> _events = new();
    private byte[]? _snapshot;
    private long _snapshotSequenceNr;
    private IActorRef? _snapshotRequester;

    public Recorder(string persistenceId)
    {
        PersistenceId = persistenceId;

        Recover<SnapshotOffer>(offer =>
        {
            _snapshot = (byte[])offer.Snapshot;
            _snapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<string>(e => _events.Add(e));

        Command<Append>(cmd =>
        {
            var sender = Sender;
            Persist(cmd.Event, e =>
            {
                _events.Add(e);
                sender.Tell(new Done());
            });
        });
        Command<AppendMany>(cmd =>
        {
            var sender = Sender;
            var events = Enumerable.Range(0, cmd.Count).Select(i => $"{cmd.Prefix}-{i}").ToList();
            var written = 0;
            void Handler(string e)
            {
                _events.Add(e);
                if (++written == cmd.Count) sender.Tell(new Done());
            }

            if (cmd.AsOnePersistAll)
                PersistAll(events, Handler);
            else
            {
                // On purpose: the measurement compares this with one PersistAll.
#pragma warning disable AK1006
                foreach (var e in events) Persist(e, Handler);
#pragma warning restore AK1006
            }
        });
        Command<TakeSnapshot>(cmd =>
        {
            _snapshotRequester = Sender;
            _snapshot = cmd.Payload;
            _snapshotSequenceNr = LastSequenceNr;
            SaveSnapshot(cmd.Payload);
        });
        Command<SaveSnapshotSuccess>(_ => _snapshotRequester?.Tell(new Done()));
        Command<SaveSnapshotFailure>(f => _snapshotRequester?.Tell(new Status.Failure(f.Cause)));
        Command<GetState>(_ => Sender.Tell(new State(_events.ToList(), _snapshot, _snapshotSequenceNr, LastSequenceNr)));
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId) => Akka.Actor.Props.Create(() => new Recorder(persistenceId));
}
