using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Operators.Process;
using Streamline.Core.Serdes;
using Streamline.Runtime.Coordination;
using Streamline.Runtime.Node;
using Xunit;
using Streamline.Runtime.Tests.Cluster;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>
/// The journal cannot record a checkpoint's completion (the database went down after every task
/// stored its state): that checkpoint fails, and the coordinator — with the running pipeline,
/// same epoch, no restart — carries on; once the journal is back, checkpoints complete again.
/// </summary>
public sealed class JournalOutageTests : IAsyncLifetime
{
    private const string Pipeline = "journal-outage";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ConcurrentBag<long> _emitted = new();
    private ActorSystem _system = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        FailingJournal.Failing.TryRemove(CheckpointLog.PersistenceIdOf(Pipeline), out _);
        await _system.Terminate();
    }

    private sealed class RunningCount : KeyedProcessFunction<int, long, long>
    {
        public override void ProcessElement(long value, KeyedProcessContext<int, long> ctx)
        {
            var count = ctx.GetValueState<long>("count");
            count.Value += 1;
            ctx.Emit(count.Value);
        }
    }

    private static IEnumerable<long> Numbers()
    {
        for (long i = 0; ; i++) yield return i;
    }

    [Fact]
    public async Task A_completion_the_journal_cannot_record_fails_that_checkpoint_and_the_pipeline_runs_on_without_a_restart()
    {
        _system = ActorSystem.Create("streamline", ConfigurationFactory.ParseString(FailingJournal.PluginConfig + "\n" + """
                akka.actor.provider = cluster
                akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
                akka.loglevel = WARNING
                akka.cluster.min-nr-of-members = 1
                streamline.max-batch-size = 64
                streamline.runtime.checkpoints.interval = 100ms
                """).WithFallback(RuntimeConfig.Default()));
        await Membership.JoinAsync(_system);
        var registry = new PipelineRegistry();
        registry.Register(Pipeline, () =>
        {
            var p = PipelineBuilder.Create(Pipeline, defaultParallelism: 2).WithSerde(Serdes.Int64);
            p.FromGenerator(Numbers(), name: "numbers").WithParallelism(1).KeyBy(n => (int)(n % 16)).Process(new RunningCount()).ForEach(_emitted.Add, "emitted");
            return p.Build();
        });
        var node = StreamlineNode.Start(_system, registry);
        var handle = await node.SubmitAsync(Pipeline);
        await handle.Started.WaitAsync(Timeout);
        var before = await Eventually(node, s => s.Checkpoints.LastCompletedId >= 2);

        FailingJournal.Failing[CheckpointLog.PersistenceIdOf(Pipeline)] = true;
        var failing = await Eventually(node, s => s.Checkpoints.ConsecutiveFailures >= 2);
        Assert.Matches("journal (could not record|is unavailable to record) its completion", failing.Checkpoints.LastFailure);
        var emittedDuringOutage = _emitted.Count;
        await Eventually(node, s => _emitted.Count > emittedDuringOutage + 1_000);

        FailingJournal.Failing.TryRemove(CheckpointLog.PersistenceIdOf(Pipeline), out _);
        var after = await Eventually(node, s => s.Checkpoints.LastCompletedId > failing.Checkpoints.LastCompletedId && s.Checkpoints.ConsecutiveFailures == 0);

        // One coordinator and one deployment throughout: nothing restarted.
        Assert.Equal(PipelineState.Running, after.State);
        Assert.Equal(before.Epoch, after.Epoch);
        Assert.Equal(0, after.Restarts);
        Assert.True(after.Checkpoints.LastCompletedId > before.Checkpoints.LastCompletedId);
        await node.StopAsync(Pipeline, Timeout);
    }

    private static async Task<PipelineStatus> Eventually(StreamlineNode node, Func<PipelineStatus, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var status = await node.GetStatusAsync(Pipeline, Timeout);
            if (done(status)) return status;
            Assert.True(DateTime.UtcNow < deadline, $"still {status} with checkpoints {status.Checkpoints} after {Timeout}");
            await Task.Delay(50);
        }
    }
}
