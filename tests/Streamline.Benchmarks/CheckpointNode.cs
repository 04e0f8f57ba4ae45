using Akka.Actor;
using Akka.Configuration;
using Streamline.Runtime;
using Streamline.Runtime.Coordination;
using Streamline.Runtime.Node;

namespace Streamline.Benchmarks;

/// <summary>
/// A single-node Streamline cluster in this process: its own ActorSystem with the given checkpoint
/// store and interval. <see cref="KillAsync"/> ends it the way a crash would as far as Streamline
/// can tell in-process: no pipeline stop, no drain, no leaving the cluster.
/// </summary>
public sealed class CheckpointNode : IAsyncDisposable
{
    private CheckpointNode(ActorSystem system, StreamlineNode node)
    {
        System = system;
        Node = node;
    }

    public ActorSystem System { get; }

    public StreamlineNode Node { get; }

    /// <param name="persistence">Journal and snapshot store (<c>CheckpointPersistenceConfig.Sqlite</c> or <c>.Postgres</c>).</param>
    /// <param name="interval">streamline.runtime.checkpoints.interval: off, 1s, 100ms.</param>
    public static async Task<CheckpointNode> StartAsync(Config persistence, string interval, PipelineRegistry registry)
    {
        // Coordinated shutdown off: Terminate() then stops every actor at once (tasks, coordinator,
        // store plugins) instead of leaving the cluster and handing singletons over first.
        // Checkpoint timeout 10m: a large state on a slow disk should be measured, not aborted.
        var config = ConfigurationFactory.ParseString($$"""
                akka.actor.provider = cluster
                akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
                akka.loglevel = ERROR
                akka.coordinated-shutdown.run-by-actor-system-terminate = off
                akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
                akka.cluster.run-coordinated-shutdown-when-down = off
                streamline.runtime.checkpoints.interval = {{interval}}
                streamline.runtime.checkpoints.timeout = 10m
                """)
            .WithFallback(persistence)
            .WithFallback(RuntimeConfig.Default());
        var system = ActorSystem.Create("streamline", config);
        try
        {
            var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var cluster = Akka.Cluster.Cluster.Get(system);
            cluster.RegisterOnMemberUp(() => up.TrySetResult());
            cluster.Join(cluster.SelfAddress);
            await up.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new CheckpointNode(system, StreamlineNode.Start(system, registry));
        }
        catch
        {
            await system.Terminate();
            throw;
        }
    }

    /// <summary>
    /// Submits <paramref name="pipeline"/> (restoring <paramref name="fromSavepoint"/>, or its last
    /// checkpoint). Null when the cluster's pipeline manager already runs it: a manager that
    /// journals its running pipelines resumes them by itself when it starts on a new node, and
    /// refuses a second submit.
    /// </summary>
    public async Task<PipelineHandle?> SubmitOrResumedAsync(string pipeline, long? fromSavepoint = null)
    {
        try
        {
            return await Node.SubmitAsync(pipeline, fromSavepoint);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("already running", StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <summary>Ends the node without stopping its pipelines: whatever was not in a completed checkpoint is lost.</summary>
    public Task KillAsync() => System.Terminate();

    public async ValueTask DisposeAsync() => await System.Terminate();
}
