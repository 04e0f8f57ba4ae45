using Akka.Actor;
using Akka.Configuration;
using Streamline.Runtime.Checkpoints;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>
/// A temporary directory with a SQLite file that ActorSystems open as their journal and snapshot
/// store (the zero-setup configuration), and the checkpoint storage on such a system.
/// </summary>
public sealed class SqliteStoreFixture : IAsyncDisposable
{
    private readonly List<ActorSystem> _systems = new();

    public SqliteStoreFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "streamline-checkpoints-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        DatabasePath = Path.Combine(Directory, "state.db");
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    /// <summary>A new ActorSystem on <paramref name="databasePath"/> (default: this fixture's file) and checkpoint storage on it.</summary>
    public (ActorSystem System, SnapshotStoreCheckpointStorage Storage) Open(string settingsHocon = "", string? databasePath = null)
    {
        var config = ConfigurationFactory.ParseString(settingsHocon)
            .WithFallback(ConfigurationFactory.ParseString("akka.loglevel = WARNING"))
            .WithFallback(CheckpointPersistenceConfig.Sqlite(databasePath ?? DatabasePath))
            .WithFallback(RuntimeConfig.Default());
        var system = ActorSystem.Create("checkpoints", config);
        _systems.Add(system);
        return (system, new SnapshotStoreCheckpointStorage(system));
    }

    public async Task TerminateAsync(ActorSystem system)
    {
        _systems.Remove(system);
        await system.Terminate();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var system in _systems) await system.Terminate();
        _systems.Clear();
        // Pooled SQLite connections keep the file open; release them so the directory can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
