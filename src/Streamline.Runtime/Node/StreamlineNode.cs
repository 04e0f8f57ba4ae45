using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Streamline.Core.Execution;
using Streamline.Core.Graph.Physical;
using Streamline.Runtime.Checkpoints;
using Streamline.Runtime.Coordination;
using Streamline.Runtime.Serialization;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Node;

/// <summary>
/// A cluster member that runs Streamline tasks: it hosts the "streamline-task" shard region
/// (any node can host any task of any registered pipeline), takes part in the cluster singleton
/// that manages pipelines, and submits pipelines to it.
/// </summary>
public sealed class StreamlineNode
{
    public const string TaskRegion = "streamline-task";
    public const string ManagerName = "streamline-pipelines";

    private readonly RuntimeSettings _runtime;

    private StreamlineNode(ActorSystem system, PipelineRegistry registry, IActorRef region, IActorRef manager, RuntimeSettings runtime)
    {
        _runtime = runtime;
        System = system;
        Registry = registry;
        Region = region;
        Manager = manager;
    }

    public ActorSystem System { get; }

    public PipelineRegistry Registry { get; }

    public IActorRef Region { get; }

    /// <summary>A proxy to the cluster's pipeline manager (a singleton on the oldest node).</summary>
    public IActorRef Manager { get; }

    /// <summary>Starts the task region and the pipeline manager singleton on <paramref name="system"/> (a member of the cluster).</summary>
    public static StreamlineNode Start(ActorSystem system, PipelineRegistry registry, StreamlineSettings? settings = null)
    {
        settings ??= StreamlineSettings.FromConfig(system.Settings.Config);
        var runtime = RuntimeSettings.FromConfig(system.Settings.Config);
        var checkpointing = CheckpointSettings.FromConfig(system.Settings.Config);
        var storage = new SnapshotStoreCheckpointStorage(system);
        IActorRef? region = null;
        region = ClusterSharding.Get(system).Start(TaskRegion,
            _ => TaskEntity.Props(registry, region!, settings, runtime, storage),
            ClusterShardingSettings.Create(system),
            new TaskMessageExtractor(64));
        system.ActorOf(ClusterSingletonManager.Props(
                PipelineManager.Props(registry, region, runtime, checkpointing, storage),
                PoisonPill.Instance,
                ClusterSingletonManagerSettings.Create(system)),
            ManagerName);
        var manager = system.ActorOf(ClusterSingletonProxy.Props($"/user/{ManagerName}", ClusterSingletonProxySettings.Create(system)), ManagerName + "-proxy");
        return new StreamlineNode(system, registry, region, manager, runtime);
    }

    /// <summary>
    /// Submits <paramref name="pipeline"/> to the cluster's pipeline manager, which deploys every
    /// task across the cluster. Faults with the manager's reason when the pipeline already runs
    /// anywhere in the cluster or cannot start (e.g. a missing serde).
    /// </summary>
    public async Task<PipelineHandle> SubmitAsync(string pipeline, CancellationToken ct = default) => await SubmitAsync(pipeline, null, ct);

    /// <summary>As <see cref="SubmitAsync(string, CancellationToken)"/>, restoring savepoint <paramref name="fromSavepoint"/> (null: the last checkpoint, if any).</summary>
    public async Task<PipelineHandle> SubmitAsync(string pipeline, long? fromSavepoint, CancellationToken ct = default)
    {
        // Fail fast here too: a missing serde or unknown name is this node's code's problem.
        ExchangeCodecs.Get(System).RegisterPlan(PhysicalPlan.Create(Registry.Get(pipeline)));
        var handle = new PipelineHandle(pipeline);
        var watcher = System.ActorOf(PipelineWatcher.Props(handle, Manager));
        Manager.Tell(new SubmitPipeline(pipeline, watcher, fromSavepoint), watcher);
        try
        {
            await handle.Accepted.WaitAsync(_runtime.SubmitTimeout, ct);
        }
        catch (TimeoutException)
        {
            System.Stop(watcher);
            throw new TimeoutException($"submitting pipeline '{pipeline}': the cluster's pipeline manager did not answer within {_runtime.SubmitTimeout} " +
                "(streamline.runtime.coordinator.submit-timeout); is this node an Up member of a cluster (akka.cluster.seed-nodes, min-nr-of-members)?");
        }
        return handle;
    }
}
