using Akka.Configuration;

namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// Settings of checkpoint storage, read from <c>streamline.runtime.checkpoints</c> (defaults and
/// their reasons in the runtime's embedded reference.conf).
/// </summary>
public sealed record CheckpointStorageSettings
{
    public const string Path = "streamline.runtime.checkpoints";

    /// <summary>Smallest chunk: below this the per-row overhead of the store dominates.</summary>
    public const int MinChunkSize = 4 * 1024;

    /// <summary>Largest chunk: SQLite's default blob limit is 1e9 bytes and PostgreSQL's bytea limit 1 GiB; stay well below both.</summary>
    public const int MaxChunkSize = 512 * 1024 * 1024;

    /// <summary>HOCON path of the Akka.Persistence snapshot store plugin; empty = <c>akka.persistence.snapshot-store.plugin</c>.</summary>
    public string SnapshotPlugin { get; init; } = "";

    /// <summary>A task's state larger than this is stored as several snapshots of at most this many bytes.</summary>
    public int ChunkSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>How long one request to the snapshot store (one chunk) may take before it counts as failed.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests one save, load or delete keeps in flight at once (chunks of one state, tasks of one delete).</summary>
    public int MaxConcurrentRequests { get; init; } = 4;

    /// <summary>File of the zero-setup SQLite store (<see cref="CheckpointPersistenceConfig.Default"/>); relative to the working directory.</summary>
    public string SqlitePath { get; init; } = "streamline-state.db";

    /// <summary>Reads <c>streamline.runtime.checkpoints</c> from <paramref name="config"/> over the defaults; invalid values fail fast.</summary>
    public static CheckpointStorageSettings FromConfig(Config config)
    {
        var c = config.WithFallback(RuntimeConfig.Default()).GetConfig(Path);
        var settings = new CheckpointStorageSettings
        {
            SnapshotPlugin = c.GetString("snapshot-plugin") ?? "",
            ChunkSize = ReadChunkSize(c),
            OperationTimeout = c.GetTimeSpan("operation-timeout"),
            MaxConcurrentRequests = c.GetInt("max-concurrent-requests"),
            SqlitePath = c.GetString("sqlite-path") ?? "",
        };
        settings.Validate();
        return settings;
    }

    public void Validate()
    {
        if (ChunkSize is < MinChunkSize or > MaxChunkSize)
            throw Invalid("chunk-size", ChunkSize, $"must be from {MinChunkSize} (4KiB) to {MaxChunkSize} (512MiB) bytes, e.g. 8MiB");
        if (OperationTimeout <= TimeSpan.Zero)
            throw Invalid("operation-timeout", OperationTimeout, "must be positive, e.g. 60s");
        if (MaxConcurrentRequests < 1)
            throw Invalid("max-concurrent-requests", MaxConcurrentRequests, "must be at least 1");
        if (string.IsNullOrWhiteSpace(SqlitePath))
            throw Invalid("sqlite-path", SqlitePath, "must name a file, e.g. \"streamline-state.db\" or an absolute path");
    }

    private static int ReadChunkSize(Config c)
    {
        // Read as text first: Akka's byte-size parser fails with a message that names neither the setting nor the value.
        var text = c.GetString("chunk-size");
        long? bytes;
        try
        {
            bytes = c.GetByteSize("chunk-size");
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw Invalid("chunk-size", text, "must be a byte size such as 8MiB, 4MiB or 1048576");
        }
        return bytes is >= MinChunkSize and <= MaxChunkSize
            ? (int)bytes.Value
            : throw Invalid("chunk-size", text, $"must be from {MinChunkSize} (4KiB) to {MaxChunkSize} (512MiB) bytes, e.g. 8MiB");
    }

    private static ConfigurationException Invalid(string key, object? value, string rule) =>
        new($"invalid setting {Path}.{key} = \"{value}\": {rule}");
}
