using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Operators.Process;
using Streamline.Core.Serdes;
using Streamline.Runtime.Checkpoints;
using Streamline.Runtime.Coordination;
using Streamline.Runtime.Node;
using Xunit;
using Xunit.Abstractions;
using Streamline.Runtime.Tests.Cluster;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>
/// A running count per key (keyed state) at parallelism 2, then 4, then 3: each time a savepoint
/// is taken while records flow, the pipeline stops, and it is submitted again from the savepoint
/// at the new parallelism on a fresh node (the journal and states in one SQLite file). State
/// moves by key group, so every count any run emits is exact.
/// </summary>
public sealed class RescaleFromSavepointTests(ITestOutputHelper output) : IDisposable
{
    private const int Keys = 64;
    private readonly string _dir = Directory.CreateTempSubdirectory("streamline-rescale-").FullName;
    private readonly ConcurrentBag<(int Key, long Count, long Index)> _emitted = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class RunningCount : KeyedProcessFunction<int, long, (int Key, long Count, long Index)>
    {
        public override void ProcessElement(long value, KeyedProcessContext<int, (int Key, long Count, long Index)> ctx)
        {
            var count = ctx.GetValueState<long>("count");
            count.Value += 1;
            ctx.Emit((ctx.CurrentKey, count.Value, value));
        }
    }

    private static IEnumerable<long> Numbers()
    {
        for (long i = 0; ; i++) yield return i;
    }

    [Fact]
    public async Task Keyed_state_survives_parallelism_2_then_4_then_3_through_savepoints()
    {
        long? savepoint = null;
        foreach (var parallelism in new[] { 2, 4, 3 })
        {
            var system = await StartNode();
            try
            {
                var registry = new PipelineRegistry();
                registry.Register("counts", () =>
                {
                    var p = PipelineBuilder.Create("counts", defaultParallelism: parallelism).WithSerde(Serdes.Int32);
                    p.FromGenerator(Numbers(), name: "numbers").WithParallelism(1)
                        .KeyBy(n => (int)(n % Keys))
                        .Process(new RunningCount()).Named("count")
                        .ForEach(e => _emitted.Add(e), "emitted");
                    return p.Build();
                });
                var node = StreamlineNode.Start(system, registry);
                var handle = await node.SubmitAsync("counts", savepoint);
                await handle.Started.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(parallelism, handle.Placement.Keys.Count(t => t.Vertex == 1));
                var before = _emitted.Count;
                await WaitFor(() => _emitted.Count > before + 20_000, $"parallelism {parallelism}: records did not flow");
                savepoint = await handle.TakeSavepointAsync(TimeSpan.FromSeconds(30));
                if (parallelism > 2) Assert.True(handle.Status.Checkpoints.RestoredFrom > 0, "the run did not restore the savepoint");
                await handle.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
                output.WriteLine($"parallelism {parallelism}: savepoint {savepoint}, {_emitted.Count} counts emitted so far");
            }
            finally
            {
                await system.Terminate();
            }
        }

        // Record i is the (i / Keys + 1)-th of its key: with state restored exactly (no record lost
        // or counted twice in any key group), every count any run emitted says so.
        var wrong = _emitted.Where(e => e.Count != e.Index / Keys + 1 || e.Key != (int)(e.Index % Keys)).Take(5).ToList();
        Assert.True(wrong.Count == 0, "counts differ from the input: " + string.Join("; ", wrong));
        var perKey = _emitted.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Max(e => e.Count));
        Assert.Equal(Keys, perKey.Count);
        Assert.All(perKey.Values, max => Assert.True(max > 60_000 / Keys, $"a key's count stopped at {max}"));
    }

    private async Task<ActorSystem> StartNode()
    {
        var config = ConfigurationFactory.ParseString("""
                akka.actor.provider = cluster
                akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
                akka.loglevel = WARNING
                streamline.max-batch-size = 64
                streamline.runtime.checkpoints.interval = off
                """)
            .WithFallback(CheckpointPersistenceConfig.Sqlite(Path.Combine(_dir, "state.db")))
            .WithFallback(RuntimeConfig.Default());
        var system = ActorSystem.Create("streamline", config);
        await Membership.JoinAsync(system);
        return system;
    }

    private static async Task WaitFor(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }
}
