using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Streamline.Core.Graph.Physical;
using Streamline.Runtime.Checkpoints;
using Streamline.Runtime.Node;
using Streamline.Runtime.Serialization;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// The cluster's one pipeline manager (a cluster singleton): it starts a coordinator per submitted
/// pipeline and refuses a pipeline that already runs anywhere in the cluster. Which pipelines run
/// is in its journal: when its node leaves or dies and the singleton starts on another node, it
/// starts their coordinators again, and they resume from their last checkpoints.
/// </summary>
public sealed class PipelineManager : ReceivePersistentActor, IWithTimers
{
    private readonly Dictionary<string, IActorRef> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recovered = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ended = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _crashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActorRef> _keepers = new(StringComparer.Ordinal);
    // Requests for a pipeline whose journal a keeper reads now, or whose coordinator is ending;
    // handled again when that actor has stopped.
    private readonly Dictionary<string, List<(object Request, IActorRef Sender)>> _waiting = new(StringComparer.Ordinal);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly PipelineRegistry _registry;
    private readonly IActorRef _region;
    private readonly RuntimeSettings _settings;
    private readonly CheckpointSettings _checkpointing;
    private readonly ICheckpointStorage _storage;
    private long _keeperCount;

    public PipelineManager(PipelineRegistry registry, IActorRef region, RuntimeSettings settings, CheckpointSettings checkpointing, ICheckpointStorage storage)
    {
        _registry = registry;
        _region = region;
        _settings = settings;
        _checkpointing = checkpointing;
        _storage = storage;

        Recover<PipelineStarted>(s => _recovered.Add(s.Pipeline));
        Recover<PipelineEnded>(e => _recovered.Remove(e.Pipeline));
        Recover<RecoveryCompleted>(_ =>
        {
            foreach (var name in _recovered)
            {
                _log.Info("pipeline {0} was running when the manager moved; starting its coordinator again", name);
                if (Plan(name, out var plan, out var error)) StartCoordinator(plan!, ActorRefs.Nobody, null);
                else _log.Error("pipeline {0} cannot be resumed on this node: {1}", name, error);
            }
        });

        Command<SubmitPipeline>(submit =>
        {
            if (_running.TryGetValue(submit.Pipeline, out var existing))
            {
                Sender.Tell(new PipelineRefused(submit.Pipeline,
                    $"pipeline '{submit.Pipeline}' is already running in this cluster (coordinator {existing.Path}); stop it before starting it again", AlreadyRunning: true));
                return;
            }
            // One writer of its journal at a time: a submit waits for the keeper.
            if (_keepers.ContainsKey(submit.Pipeline))
            {
                Defer(submit.Pipeline, submit);
                return;
            }
            if (!Plan(submit.Pipeline, out var plan, out var error))
            {
                Sender.Tell(new PipelineRefused(submit.Pipeline, $"pipeline '{submit.Pipeline}' cannot start: {error}"));
                return;
            }
            var sender = Sender;
            Persist(new PipelineStarted(submit.Pipeline), _ =>
            {
                var coordinator = StartCoordinator(plan!, submit.Subscriber, submit.FromSavepoint);
                sender.Tell(new PipelineAccepted(submit.Pipeline, coordinator));
            });
        });
        Command<WatchPipeline>(watch =>
        {
            if (_running.TryGetValue(watch.Pipeline, out var coordinator))
            {
                coordinator.Tell(new SubscribePipeline(watch.Subscriber));
                Sender.Tell(new PipelineAccepted(watch.Pipeline, coordinator));
            }
            else Sender.Tell(new PipelineRefused(watch.Pipeline, $"pipeline '{watch.Pipeline}' is not running in this cluster"));
        });
        Command<CoordinatorEnded>(e => _ended.Add(e.Pipeline));
        Command<ListSavepoints>(l => Savepoints(l.Pipeline, l));
        Command<DeleteSavepoint>(d => Savepoints(d.Pipeline, d));
        Command<ListPipelines>(_ => Sender.Tell(new RunningPipelines(new Dictionary<string, IActorRef>(_running, StringComparer.Ordinal))));
        Command<Terminated>(t =>
        {
            foreach (var (name, _) in _keepers.Where(kv => kv.Value.Equals(t.ActorRef)).ToList())
            {
                _keepers.Remove(name);
                Replay(name);
            }
            foreach (var (name, _) in _running.Where(kv => kv.Value.Equals(t.ActorRef)).ToList())
            {
                _running.Remove(name);
                Replay(name);
                if (_ended.Remove(name))
                {
                    // Its pipeline finished, was stopped or failed.
                    _crashes.Remove(name);
                    Persist(new PipelineEnded(name), _ => { });
                    continue;
                }
                // A crash (e.g. its journal was unreachable): start it again after a backoff; it
                // recovers its epochs and checkpoints from the journal.
                var crashes = _crashes[name] = _crashes.GetValueOrDefault(name) + 1;
                var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, Math.Min(crashes - 1, 6))));
                _log.Warning("pipeline {0}: its coordinator stopped unexpectedly; starting it again in {1}", name, delay);
                Timers.StartSingleTimer("restart-" + name, new RestartCoordinator(name), delay);
            }
        });
        Command<RestartCoordinator>(r =>
        {
            if (_running.ContainsKey(r.Pipeline)) return;
            if (_keepers.ContainsKey(r.Pipeline))
            {
                // A keeper reads its journal; one writer at a time.
                Timers.StartSingleTimer("restart-" + r.Pipeline, r, TimeSpan.FromMilliseconds(500));
                return;
            }
            if (Plan(r.Pipeline, out var plan, out var error)) StartCoordinator(plan!, ActorRefs.Nobody, null);
            else _log.Error("pipeline {0} cannot be restarted: {1}", r.Pipeline, error);
        });
    }

    public override string PersistenceId => "streamline-pipelines";

    public ITimerScheduler Timers { get; set; } = null!;

    private sealed record RestartCoordinator(string Pipeline);

    public static Props Props(PipelineRegistry registry, IActorRef region, RuntimeSettings settings, CheckpointSettings checkpointing, ICheckpointStorage storage) =>
        Akka.Actor.Props.Create(() => new PipelineManager(registry, region, settings, checkpointing, storage));

    /// <summary>
    /// A running pipeline's coordinator answers about its savepoints; for one that is not running,
    /// a <see cref="SavepointKeeper"/> reads its journal (one at a time per pipeline).
    /// </summary>
    private void Savepoints(string pipeline, object request)
    {
        if (_running.TryGetValue(pipeline, out var coordinator) && !_ended.Contains(pipeline))
        {
            coordinator.Forward(request);
            return;
        }
        // A coordinator that ended is stopping (a request forwarded to it could get lost), a keeper is busy.
        if (_running.ContainsKey(pipeline) || _keepers.ContainsKey(pipeline))
        {
            Defer(pipeline, request);
            return;
        }
        var keeper = Context.ActorOf(SavepointKeeper.Props(pipeline, _storage, request, Sender), "savepoints-" + Uri.EscapeDataString(pipeline) + "-" + ++_keeperCount);
        Context.Watch(keeper);
        _keepers[pipeline] = keeper;
    }

    /// <summary>Keeps <paramref name="request"/> until the keeper or ending coordinator of <paramref name="pipeline"/> stopped.</summary>
    private void Defer(string pipeline, object request)
    {
        if (!_waiting.TryGetValue(pipeline, out var waiting)) _waiting[pipeline] = waiting = new List<(object, IActorRef)>();
        waiting.Add((request, Sender));
    }

    private void Replay(string pipeline)
    {
        if (!_waiting.Remove(pipeline, out var waiting)) return;
        foreach (var (request, sender) in waiting) Self.Tell(request, sender);
    }

    private bool Plan(string name, out PhysicalPlan? plan, out string? error)
    {
        try
        {
            plan = PhysicalPlan.Create(_registry.Get(name));
            // Fail fast on a missing serde, before any task starts.
            ExchangeCodecs.Get(Context.System).RegisterPlan(plan);
            error = null;
            return true;
        }
        catch (Exception e)
        {
            plan = null;
            error = e.Message;
            return false;
        }
    }

    private IActorRef StartCoordinator(PhysicalPlan plan, IActorRef subscriber, long? fromSavepoint)
    {
        var name = plan.Definition.Name;
        var coordinator = Context.ActorOf(PipelineCoordinator.Props(plan, _region, subscriber, _settings, _checkpointing, _storage, fromSavepoint), "coordinator-" + Uri.EscapeDataString(name));
        Context.Watch(coordinator);
        _running[name] = coordinator;
        _log.Info("pipeline {0}: coordinator {1}", name, coordinator.Path);
        return coordinator;
    }
}
