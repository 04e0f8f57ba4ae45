using Akka.Configuration;
using Streamline.Runtime.Checkpoints;
using Streamline.TestSupport;

namespace Streamline.Benchmarks;

/// <summary>Where a run keeps its checkpoints: a fresh SQLite file or a fresh database on the private PostgreSQL server, per run.</summary>
public sealed class CheckpointStore
{
    private readonly Func<Config> _fresh;
    private readonly Func<TimeSpan> _externalCpu;

    private readonly Func<string> _freshForNode;

    private CheckpointStore(string name, string description, Func<Config> fresh, Func<string> freshForNode, Func<TimeSpan> externalCpu)
    {
        Name = name;
        Description = description;
        _fresh = fresh;
        _freshForNode = freshForNode;
        _externalCpu = externalCpu;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>Journal and snapshot store settings of a new, empty database.</summary>
    public Config NewDatabase() => _fresh();

    /// <summary>The same for a `streamline node` process: HOCON lines for its config file.</summary>
    public string NewDatabaseForNode() => _freshForNode();

    /// <summary>CPU time the store spent outside this process so far (a database server's; zero for SQLite, which runs in-process).</summary>
    public TimeSpan ExternalCpu() => _externalCpu();

    public static CheckpointStore Sqlite(string directory)
    {
        var runs = 0;
        return new CheckpointStore("SQLite", $"a SQLite file per run in {directory} (Microsoft.Data.Sqlite defaults: rollback journal, synchronous=FULL)",
            () => CheckpointPersistenceConfig.Sqlite(Path.Combine(directory, $"run-{Interlocked.Increment(ref runs)}.db")),
            () => $"streamline.runtime.checkpoints.sqlite-path = \"{Path.Combine(directory, $"run-{Interlocked.Increment(ref runs)}.db")}\"",
            () => TimeSpan.Zero);
    }

    public static CheckpointStore Postgres(PostgresInstance server) =>
        new("PostgreSQL", $"a database per run on a private PostgreSQL server (Streamline.TestSupport.PostgresInstance, {server.BinDirectory}, fsync on, 127.0.0.1:{server.Port})",
            () => CheckpointPersistenceConfig.Postgres(server.CreateDatabase()),
            () => CheckpointPersistenceConfig.Text(server.CreateDatabase(), CheckpointPersistenceConfig.PostgresProviderName),
            () => Benchmarks.ExternalCpu.OfPostgres(server.DataDirectory));
}
