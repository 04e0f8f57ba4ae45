using System.Collections.Concurrent;
using System.Collections.Immutable;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>Akka's in-memory journal, except that writes for the persistence ids a test names fail the way a database error would.</summary>
public sealed class FailingJournal : MemoryJournal
{
    public const string PluginConfig = """
        akka.persistence.journal.failing {
          class = "Streamline.Runtime.Tests.Checkpoints.FailingJournal, Streamline.Runtime.Tests"
          plugin-dispatcher = "akka.actor.default-dispatcher"
        }
        akka.persistence.journal.plugin = "akka.persistence.journal.failing"
        """;

    /// <summary>Persistence ids whose writes fail now.</summary>
    public static ConcurrentDictionary<string, bool> Failing { get; } = new();

    protected override Task<IImmutableList<Exception?>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var writes = messages.ToList();
        return writes.Any(w => Failing.ContainsKey(w.PersistenceId))
            ? Task.FromException<IImmutableList<Exception?>>(new IOException("connection refused (injected by the test)"))
            : base.WriteMessagesAsync(writes, cancellationToken);
    }
}
