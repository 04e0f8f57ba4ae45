using Akka.Actor;
using Akka.Event;
using Streamline.Core.Graph.Physical;
using Streamline.Runtime.Checkpoints;
using Streamline.Runtime.Node;
using Streamline.Runtime.Serialization;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// The cluster's one pipeline manager (a cluster singleton): it starts a coordinator per submitted
/// pipeline and refuses a pipeline that already runs anywhere in the cluster.
/// </summary>
public sealed class PipelineManager : ReceiveActor
{
    private readonly Dictionary<string, IActorRef> _running = new(StringComparer.Ordinal);
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public PipelineManager(PipelineRegistry registry, IActorRef region, RuntimeSettings settings, CheckpointSettings checkpointing, ICheckpointStorage storage)
    {
        Receive<SubmitPipeline>(submit =>
        {
            if (_running.TryGetValue(submit.Pipeline, out var existing))
            {
                Sender.Tell(new PipelineRefused(submit.Pipeline,
                    $"pipeline '{submit.Pipeline}' is already running in this cluster (coordinator {existing.Path}); stop it before starting it again"));
                return;
            }
            PhysicalPlan plan;
            try
            {
                plan = PhysicalPlan.Create(registry.Get(submit.Pipeline));
                // Fail fast on a missing serde, before any task starts.
                ExchangeCodecs.Get(Context.System).RegisterPlan(plan);
            }
            catch (Exception e)
            {
                Sender.Tell(new PipelineRefused(submit.Pipeline, $"pipeline '{submit.Pipeline}' cannot start: {e.Message}"));
                return;
            }
            var coordinator =  Context.ActorOf(PipelineCoordinator.Props(plan, region, submit.Subscriber, settings, checkpointing, storage, submit.FromSavepoint), "coordinator-" + Uri.EscapeDataString(submit.Pipeline));
            Context.Watch(coordinator);
            _running[submit.Pipeline] = coordinator;
            _log.Info("pipeline {0} submitted; coordinator {1}", submit.Pipeline, coordinator.Path);
            Sender.Tell(new PipelineAccepted(submit.Pipeline, coordinator));
        });
        Receive<Terminated>(t =>
        {
            foreach (var (name, coordinator) in _running.Where(kv => kv.Value.Equals(t.ActorRef)).ToList())
                _running.Remove(name);
        });
    }

    public static Props Props(PipelineRegistry registry, IActorRef region, RuntimeSettings settings, CheckpointSettings checkpointing, ICheckpointStorage storage) =>
        Akka.Actor.Props.Create(() => new PipelineManager(registry, region, settings, checkpointing, storage));
}
