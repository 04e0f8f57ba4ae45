using System.Diagnostics;
using System.Security.Cryptography;
using Akka.Actor;
using Akka.Configuration;
using Microsoft.Data.Sqlite;
using Streamline.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.Runtime.Tests.Persistence;

/// <summary>
/// Akka.Persistence.Sql (journal and snapshot store) on a SQLite file and on a private PostgreSQL:
/// what is written survives an ActorSystem restart. The measurement prints timings and asserts only
/// that the data came back.
/// </summary>
public sealed class SqlPersistenceTests : IClassFixture<PostgresInstance>, IDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BigAskTimeout = TimeSpan.FromSeconds(180);

    private static readonly Config BaseConfig = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        """);

    private readonly PostgresInstance _postgres;
    private readonly ITestOutputHelper _output;
    private readonly string _sqliteDirectory = Path.Combine(Path.GetTempPath(), "streamline-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    public SqlPersistenceTests(PostgresInstance postgres, ITestOutputHelper output)
    {
        _postgres = postgres;
        _output = output;
        Directory.CreateDirectory(_sqliteDirectory);
    }

    public static TheoryData<string> Stores => new() { "postgresql", "sqlite" };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_sqliteDirectory, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Events_and_a_snapshot_survive_an_ActorSystem_restart(string store)
    {
        var config = NewStoreConfig(store, _postgres);
        var snapshot = new byte[100_000];
        Random.Shared.NextBytes(snapshot);

        await using (var first = new Node(config))
        {
            var recorder = first.System.ActorOf(Recorder.Props("pipeline-1"));
            for (var i = 1; i <= 5; i++) await recorder.Ask<Recorder.Done>(new Recorder.Append($"e{i}"), AskTimeout);
            await recorder.Ask<Recorder.Done>(new Recorder.TakeSnapshot(snapshot), AskTimeout);
            await recorder.Ask<Recorder.Done>(new Recorder.AppendMany("batch", 3, AsOnePersistAll: true), AskTimeout);
            await recorder.Ask<Recorder.Done>(new Recorder.Append("e9"), AskTimeout);

            var other = first.System.ActorOf(Recorder.Props("pipeline-2"));
            await other.Ask<Recorder.Done>(new Recorder.AppendMany("x", 4, AsOnePersistAll: false), AskTimeout);
        }

        await using var second = new Node(config);
        var recovered = await second.System.ActorOf(Recorder.Props("pipeline-1")).Ask<Recorder.State>(new Recorder.GetState(), AskTimeout);
        Assert.Equal(snapshot, recovered.Snapshot);
        Assert.Equal(5, recovered.SnapshotSequenceNr);
        Assert.Equal(new[] { "batch-0", "batch-1", "batch-2", "e9" }, recovered.Events);
        Assert.Equal(9, recovered.LastSequenceNr);

        var otherRecovered = await second.System.ActorOf(Recorder.Props("pipeline-2")).Ask<Recorder.State>(new Recorder.GetState(), AskTimeout);
        Assert.Null(otherRecovered.Snapshot);
        Assert.Equal(new[] { "x-0", "x-1", "x-2", "x-3" }, otherRecovered.Events);
    }

    /// <summary>Timings only (printed); "postgresql-fsync" is a second private server with fsync on, as in production.</summary>
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    [InlineData("postgresql-fsync")]
    public async Task Measure_single_persists_against_PersistAll_and_a_64_MiB_snapshot(string store)
    {
        using var durable = store == "postgresql-fsync" ? PostgresInstance.Start(new PostgresOptions { Fsync = true }) : null;
        var config = NewStoreConfig(store == "postgresql-fsync" ? "postgresql" : store, durable ?? _postgres);
        const int count = 1000;
        var big = new byte[64 * 1024 * 1024];
        Random.Shared.NextBytes(big);
        var bigHash = SHA256.HashData(big);
        var timings = new List<(string What, TimeSpan Took)>();

        async Task Timed(string what, Func<Task> action)
        {
            var watch = Stopwatch.StartNew();
            await action();
            timings.Add((what, watch.Elapsed));
        }

        await using (var first = new Node(config))
        {
            // Warm-up: creates the tables and opens the first connections.
            var warm = first.System.ActorOf(Recorder.Props("warm-up"));
            await warm.Ask<Recorder.Done>(new Recorder.Append("w"), AskTimeout);
            await warm.Ask<Recorder.Done>(new Recorder.TakeSnapshot([1, 2, 3]), AskTimeout);

            var sequential = first.System.ActorOf(Recorder.Props("sequential"));
            await Timed($"{count} Persist, each awaited before the next", async () =>
            {
                for (var i = 0; i < count; i++) await sequential.Ask<Recorder.Done>(new Recorder.Append($"s-{i}"), AskTimeout);
            });

            var oneHandler = first.System.ActorOf(Recorder.Props("one-handler"));
            await Timed($"{count} Persist in one command handler", () =>
                oneHandler.Ask<Recorder.Done>(new Recorder.AppendMany("h", count, AsOnePersistAll: false), AskTimeout));

            var all = first.System.ActorOf(Recorder.Props("persist-all"));
            await Timed($"1 PersistAll of {count}", () =>
                all.Ask<Recorder.Done>(new Recorder.AppendMany("a", count, AsOnePersistAll: true), AskTimeout));

            var snapshots = first.System.ActorOf(Recorder.Props("big-snapshot"));
            await snapshots.Ask<Recorder.Done>(new Recorder.Append("before-snapshot"), AskTimeout);
            await Timed("save 64 MiB snapshot", () => snapshots.Ask<Recorder.Done>(new Recorder.TakeSnapshot(big), BigAskTimeout));
        }

        await using (var second = new Node(config))
        {
            foreach (var id in new[] { "sequential", "one-handler", "persist-all" })
            {
                Recorder.State state = null!;
                await Timed($"recover {id} ({count} events)", async () =>
                    state = await second.System.ActorOf(Recorder.Props(id)).Ask<Recorder.State>(new Recorder.GetState(), AskTimeout));
                Assert.Equal(count, state.Events.Count);
            }

            Recorder.State recovered = null!;
            await Timed("load 64 MiB snapshot (recovery)", async () =>
                recovered = await second.System.ActorOf(Recorder.Props("big-snapshot")).Ask<Recorder.State>(new Recorder.GetState(), BigAskTimeout));
            Assert.NotNull(recovered.Snapshot);
            Assert.Equal(bigHash, SHA256.HashData(recovered.Snapshot));
            Assert.Equal(1, recovered.SnapshotSequenceNr);
        }

        foreach (var (what, took) in timings) _output.WriteLine($"{store,-17} {what,-45} {took.TotalMilliseconds,10:F0} ms");
    }

    private Config NewStoreConfig(string store, PostgresInstance postgres) => store switch
    {
        "postgresql" => SqlStores.PersistenceConfig(SqlStores.PostgresProvider, postgres.CreateDatabase()),
        "sqlite" => SqlStores.PersistenceConfig(SqlStores.SqliteProvider, $"Data Source={Path.Combine(_sqliteDirectory, Guid.NewGuid().ToString("N") + ".db")}"),
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, null),
    };

    /// <summary>One ActorSystem on the given store; disposing it terminates the system.</summary>
    private sealed class Node : IAsyncDisposable
    {
        public Node(Config storeConfig) => System = ActorSystem.Create("persistence", storeConfig.WithFallback(BaseConfig));

        public ActorSystem System { get; }

        public async ValueTask DisposeAsync() => await System.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
