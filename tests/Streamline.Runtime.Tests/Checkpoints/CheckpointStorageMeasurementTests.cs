using System.Diagnostics;
using Streamline.Runtime.Checkpoints;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>Prints how long a large state takes to save and load; asserts only that it came back intact.</summary>
public sealed class CheckpointStorageMeasurementTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Size = 256 * 1024 * 1024;

    private readonly SqliteStoreFixture _fixture = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Save_and_load_of_256_MiB_in_8_MiB_chunks_on_SQLite()
    {
        var (_, storage) = _fixture.Open("streamline.runtime.checkpoints.chunk-size = 8MiB");
        var state = new byte[Size];
        new Random(42).NextBytes(state);
        // Warm up (table creation, connection pool, JIT) so the numbers are about moving the state.
        await storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "warmup", 1, 0, 0, state.AsMemory(0, 9 * 1024 * 1024));
        await storage.LoadTaskStateAsync(CheckpointKind.Checkpoint, "warmup", 1, 0, 0);

        var save = Stopwatch.StartNew();
        await storage.SaveTaskStateAsync(CheckpointKind.Checkpoint, "big", 1, 0, 0, state);
        save.Stop();
        var load = Stopwatch.StartNew();
        var loaded = await storage.LoadTaskStateAsync(CheckpointKind.Checkpoint, "big", 1, 0, 0);
        load.Stop();

        Assert.True(state.AsSpan().SequenceEqual(loaded));
        var mib = Size / (1024.0 * 1024.0);
        output.WriteLine($"SQLite, 256 MiB in 8 MiB chunks: save {save.Elapsed.TotalMilliseconds:F0} ms ({mib / save.Elapsed.TotalSeconds:F0} MiB/s), " +
                         $"load {load.Elapsed.TotalMilliseconds:F0} ms ({mib / load.Elapsed.TotalSeconds:F0} MiB/s); file {new FileInfo(_fixture.DatabasePath).Length / (1024 * 1024)} MiB");
    }
}
