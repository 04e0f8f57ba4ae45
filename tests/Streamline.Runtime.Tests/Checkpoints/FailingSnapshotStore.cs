using Akka.Persistence;
using Akka.Persistence.Snapshot;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>
/// Akka's in-memory snapshot store, except that saving or loading one chunk (by index, from the
/// plugin config's <c>fail-save-chunk</c> / <c>fail-load-chunk</c>) fails the way a database error would.
/// </summary>
public sealed class FailingSnapshotStore(Akka.Configuration.Config config) : MemorySnapshotStore
{
    public const string PluginConfig = """
        akka.persistence.snapshot-store.failing {
          class = "Streamline.Runtime.Tests.Checkpoints.FailingSnapshotStore, Streamline.Runtime.Tests"
          fail-save-chunk = -1
          fail-load-chunk = -1
        }
        """;

    private readonly int _failSaveChunk = config.GetInt("fail-save-chunk", -1);
    private readonly int _failLoadChunk = config.GetInt("fail-load-chunk", -1);

    protected override Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken) =>
        IsChunk(metadata.PersistenceId, metadata.SequenceNr, _failSaveChunk)
            ? Task.FromException(new IOException("disk I/O error (injected by the test)"))
            : base.SaveAsync(metadata, snapshot, cancellationToken);

    protected override Task<SelectedSnapshot> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken) =>
        IsChunk(persistenceId, criteria.MaxSequenceNr, _failLoadChunk)
            ? Task.FromException<SelectedSnapshot>(new IOException("connection reset by peer (injected by the test)"))
            : base.LoadAsync(persistenceId, criteria, cancellationToken);

    private static bool IsChunk(string persistenceId, long sequenceNr, int chunk) =>
        chunk >= 0 && persistenceId.EndsWith("|chunks", StringComparison.Ordinal) && (sequenceNr & 0xFFFFF) == chunk;
}
