using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Streamline.Core.Execution;
using Streamline.Core.Graph.Physical;
using Streamline.Runtime.Coordination;
using Streamline.Runtime.Serialization;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Node;

/// <summary>
/// A cluster member that runs Streamline tasks: it hosts the "streamline-task" shard region
/// (any node can host any task of any registered pipeline) and submits pipelines.
/// </summary>
public sealed class StreamlineNode
{
    public const string TaskRegion = "streamline-task";
    private readonly ConcurrentDictionary<string, PipelineHandle> _running = new(StringComparer.Ordinal);

    private readonly RuntimeSettings _runtime;

    private StreamlineNode(ActorSystem system, PipelineRegistry registry, IActorRef region, RuntimeSettings runtime)
    {
        _runtime = runtime;
        System = system;
        Registry = registry;
        Region = region;
    }

    public ActorSystem System { get; }

    public PipelineRegistry Registry { get; }

    public IActorRef Region { get; }

    /// <summary>Starts the task region on <paramref name="system"/> (a member of the cluster).</summary>
    public static StreamlineNode Start(ActorSystem system, PipelineRegistry registry, StreamlineSettings? settings = null)
    {
        settings ??= StreamlineSettings.FromConfig(system.Settings.Config);
        var runtime = RuntimeSettings.FromConfig(system.Settings.Config);
        IActorRef? region = null;
        region = ClusterSharding.Get(system).Start(TaskRegion,
            _ => TaskEntity.Props(registry, region!, settings, runtime),
            ClusterShardingSettings.Create(system),
            new TaskMessageExtractor(64));
        return new StreamlineNode(system, registry, region, runtime);
    }

    /// <summary>Deploys every task of <paramref name="pipeline"/> across the cluster.</summary>
    public PipelineHandle Submit(string pipeline)
    {
        var plan = PhysicalPlan.Create(Registry.Get(pipeline));
        // Fail fast on a missing serde, before any task starts.
        ExchangeCodecs.Get(System).RegisterPlan(plan);
        var handle = new PipelineHandle(pipeline);
        if (!_running.TryAdd(pipeline, handle))
            throw new InvalidOperationException($"pipeline '{pipeline}' is already running (submitted from this node); stop it before starting it again");
        handle.Completion.ContinueWith(_ => _running.TryRemove(pipeline, out PipelineHandle? _), TaskScheduler.Default);
        handle.Coordinator = System.ActorOf(PipelineCoordinator.Props(plan, Region, handle, _runtime), $"coordinator-{pipeline}");
        return handle;
    }
}
