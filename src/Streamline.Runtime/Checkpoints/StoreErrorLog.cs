using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Event;

namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// The latest error the snapshot store actor logged. A store whose database cannot be reached
/// often never answers at all (Akka.Persistence.Sql keeps retrying its table initialization and
/// leaves requests waiting), so a timed-out request would only say "no answer"; this keeps the
/// database's own message from the log so the timeout can name it.
/// </summary>
internal sealed class StoreErrorLog
{
    // Keyed weakly by the store actor: an ActorSystem that is gone takes its entries with it.
    private static readonly ConditionalWeakTable<IActorRef, StoreErrorLog> Logs = new();

    private readonly string _storePath;
    private Entry? _last;

    private StoreErrorLog(string storePath) => _storePath = storePath;

    /// <summary>
    /// The error log of <paramref name="store"/>, listening to the event stream of <paramref name="system"/>;
    /// one per store, however many storages use it.
    /// </summary>
    public static StoreErrorLog Listen(ActorSystem system, IActorRef store)
    {
        lock (Logs)
        {
            if (Logs.TryGetValue(store, out var existing)) return existing;
            var log = new StoreErrorLog(store.Path.ToString());
            var listener = ((ExtendedActorSystem)system).SystemActorOf(Props.Create(() => new Listener(log)), "streamline-checkpoint-store-errors-" + Guid.NewGuid().ToString("N")[..8]);
            system.EventStream.Subscribe(listener, typeof(Error));
            Logs.Add(store, log);
            return log;
        }
    }

    /// <summary>The latest error logged by the store at or after <paramref name="since"/>, or null.</summary>
    public string? LatestSince(DateTime since)
    {
        var last = Volatile.Read(ref _last);
        return last is not null && last.At >= since ? last.Text : null;
    }

    private void Record(Error error)
    {
        if (!error.LogSource.StartsWith(_storePath, StringComparison.Ordinal)) return;
        // The log line says what the store was doing ("Failure during SQL SnapshotStore initialization"), the cause what the database said.
        var doing = (error.Message?.ToString() ?? "").Trim().TrimEnd('.');
        var cause = error.Cause is null ? "" : ErrorText.Describe(error.Cause);
        var text = cause.Length == 0 ? doing
            : doing.Length == 0 || cause.Contains(doing, StringComparison.Ordinal) ? cause
            : $"{doing}: {cause}";
        Volatile.Write(ref _last, new Entry(DateTime.UtcNow, text));
    }

    private sealed record Entry(DateTime At, string Text);

    private sealed class Listener : ReceiveActor
    {
        public Listener(StoreErrorLog log) => Receive<Error>(log.Record);
    }
}
