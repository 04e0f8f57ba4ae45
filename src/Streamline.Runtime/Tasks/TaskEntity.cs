using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Streams;
using Akka.Streams.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Execution.Internal;
using Streamline.Core.Graph;
using Streamline.Core.Graph.Physical;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Sinks;
using Streamline.Core.Sources;
using Streamline.Core.Stages;
using Streamline.Runtime.Exchange;
using Streamline.Runtime.Exchange.Messages;
using Streamline.Runtime.Node;
using Streamline.Runtime.Serialization;

namespace Streamline.Runtime.Tasks;

/// <summary>
/// One task of a running pipeline, as a sharded entity: on <see cref="StartTask"/> it materializes
/// its vertex's fused stages with exchange receivers on its inputs and senders on its outputs, and
/// it is the endpoint its receivers get their channel messages through.
/// </summary>
public sealed class TaskEntity : ReceiveActor, IWithTimers
{
    private readonly PipelineRegistry _registry;
    private readonly IActorRef _region;
    private readonly StreamlineSettings _settings;
    private readonly RuntimeSettings _runtime;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<ChannelId, IActorRef> _receivers = new();
    private readonly Dictionary<ChannelId, List<IExchangeMessage>> _early = new();
    private IActorRef? _coordinator;
    private TaskId? _task;
    private int _epoch;
    private bool _done;
    private ActorMaterializer? _materializer;
    private TaskMetrics _metrics = new();
    private List<ISinkControl> _sinks = new();
    private List<ISourceControl> _sources = new();
    private long _lastBackpressureTicks;

    public TaskEntity(PipelineRegistry registry, IActorRef region, StreamlineSettings settings, RuntimeSettings runtime)
    {
        _registry = registry;
        _region = region;
        _settings = settings;
        _runtime = runtime;
        Receive<StartTask>(Start);
        // Stop this deployment's stages but keep the entity: the next StartTask (a newer epoch)
        // may already be queued behind this message.
        Receive<StopTask>(_ => StopCurrent());
        Receive<ReportStatus>(_ => Report());
        Receive<DrainTask>(d =>
        {
            // Sources stop reading and complete after what they emitted; the task then finishes normally.
            if (_task is null || d.Epoch != _epoch) return;
            lock (_sources)
                foreach (var source in _sources) source.Stop();
        });
        Receive<RegisterReceiver>(r =>
        {
            _receivers[r.Channel] = r.Receiver;
            if (_early.Remove(r.Channel, out var held))
                foreach (var m in held) r.Receiver.Tell(m);
        });
        Receive<IExchangeMessage>(m =>
        {
            // Leftovers of an earlier deployment are dropped; a newer deployment's messages can
            // arrive before this entity's own StartTask and wait for their receiver.
            if (m.Channel.Epoch < _epoch) return;
            if (_receivers.TryGetValue(m.Channel, out var receiver)) receiver.Forward(m);
            else
            {
                if (!_early.TryGetValue(m.Channel, out var list)) _early[m.Channel] = list = new List<IExchangeMessage>();
                list.Add(m);
            }
        });
        Receive<TaskFinished>(f =>
        {
            // Stages of a stopped deployment also complete; only the current one counts.
            if (_task is null || f.Epoch != _epoch) return;
            _done = true;
            // Final counters first, so the coordinator's last status is exact.
            Report();
            _coordinator?.Tell(f);
            if (f.Failure is not null) _log.Error("task {0} failed: {1}", f.Task, f.Failure);
        });
    }

    protected override void PostStop()
    {
        // Stopped while running (hand-off when its node leaves): the coordinator redeploys the pipeline.
        if (_task is { } task && !_done) _coordinator?.Tell(new TaskLost(task, _epoch));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(PipelineRegistry registry, IActorRef region, StreamlineSettings settings, RuntimeSettings runtime) =>
        Akka.Actor.Props.Create(() => new TaskEntity(registry, region, settings, runtime));

    private void StopCurrent()
    {
        _materializer?.Shutdown();
        _materializer = null;
        _task = null;
        _done = false;
        _receivers.Clear();
        Timers.Cancel(ReportStatus.Instance);
        foreach (var channel in _early.Keys.Where(c => c.Epoch <= _epoch).ToList()) _early.Remove(channel);
    }

    private void Report()
    {
        if (_task is not { } task || _coordinator is null) return;
        var backpressure = _metrics.BackpressuredTicks;
        var fraction = Math.Clamp((backpressure - _lastBackpressureTicks) / (double)(_runtime.StatusInterval.TotalSeconds * System.Diagnostics.Stopwatch.Frequency), 0, 1);
        _lastBackpressureTicks = backpressure;
        long sunk;
        lock (_sinks) sunk = _sinks.Sum(s => s.RecordsWritten);
        _coordinator.Tell(new TaskStatusReport(task, _epoch, _metrics.RecordsIn, _metrics.RecordsOut + sunk, fraction, _metrics.BlockedOutputs, _metrics.Watermark));
    }

    private void Start(StartTask start)
    {
        if (_task is not null)
        {
            if (start.Epoch < _epoch) return;
            if (start.Epoch == _epoch)
            {
                // Redelivered deployment (the coordinator retried): the task already runs.
                start.Coordinator.Tell(new TaskStarted(start.Task, Akka.Cluster.Cluster.Get(Context.System).SelfAddress, _epoch));
                return;
            }
            // A newer deployment whose StopTask was lost: replace the running one.
            StopCurrent();
        }
        _task = start.Task;
        _epoch = start.Epoch;
        var epoch = start.Epoch;
        _coordinator = start.Coordinator;
        var definition = _registry.Get(start.Task.Pipeline);
        var plan = PhysicalPlan.Create(definition);
        ExchangeCodecs.Get(Context.System).RegisterPlan(plan);
        var vertex = plan.Vertices[start.Task.Vertex];
        var sinks = _sinks = new List<ISinkControl>();
        var sources = _sources = new List<ISourceControl>();
        var metrics = _metrics = new TaskMetrics();
        // The task is done when all its outputs are: its sinks and its outgoing exchange channels.
        var outputs = new List<Task>();
        _lastBackpressureTicks = 0;
        var services = new StageServices
        {
            RegisterSource = (_, control) => { lock (sources) sources.Add(control); },
            RegisterSink = (_, control) => { lock (sinks) sinks.Add(control); },
            SignalCompleted = (_, _) => { },
        };
        var builder = new TaskModuleBuilder(plan, _settings,
            (node, i) => new OperatorContext(definition.Name, node.Name, i, definition.ParallelismOf(node), definition.MaxParallelism, Core.Time.SystemClock.Instance, _settings.MaxBatchSize),
            _ => services,
            (node, port, i, portName) => node.OutputPorts[port].CreateDiscard($"{node.Name}.{portName}:unconsumed#{i}", _ => { }));
        var module = builder.Build(vertex, start.Task.Index);
        var self = Self;
        var graph = GraphDsl.Create(b =>
        {
            var shape = b.Add(module.Graph);
            foreach (var ((edgeId, target), outlet) in module.Outlets)
            {
                var edge = plan.Edges[edgeId];
                var spec = edge.Logical.From.OutputPorts[edge.Logical.Port];
                var channel = new ChannelId(definition.Name, edgeId, start.Task.Index, target, epoch);
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                outputs.Add(done.Task);
                var sender = b.Add(ExchangeStages.Sender(spec.ElementType, channel, new ShardedTransport(_region, definition.Name, edge.To.Id), metrics, done));
                spec.Connect(b, shape.Outlets[outlet], new[] { sender.Inlets[0] });
            }
            foreach (var ((edgeId, source), inlet) in module.Inlets)
            {
                var edge = plan.Edges[edgeId];
                var spec = edge.Logical.From.OutputPorts[edge.Logical.Port];
                var channel = new ChannelId(definition.Name, edgeId, source, start.Task.Index, epoch);
                var receiver = b.Add(ExchangeStages.Receiver(spec.ElementType, channel, _runtime.Credits, self, metrics));
                spec.Connect(b, receiver.Outlets[0], new[] { shape.Inlets[inlet] });
            }
            return ClosedShape.Instance;
        });
        // A materializer per deployment, owned by the entity: StopTask or stopping the entity
        // (hand-off when its node leaves) stops exactly these stages.
        _materializer = Context.Materializer(namePrefix: $"epoch{epoch}");
        RunnableGraph.FromGraph(graph).Run(_materializer);
        start.Coordinator.Tell(new TaskStarted(start.Task, Akka.Cluster.Cluster.Get(Context.System).SelfAddress, epoch));
        Timers.StartPeriodicTimer(ReportStatus.Instance, ReportStatus.Instance, _runtime.StatusInterval);
        var task = start.Task;
        Task.WhenAll(sinks.Select(s => s.Completion).Concat(outputs)).ContinueWith(t =>
            new TaskFinished(task, t.IsFaulted ? t.Exception!.GetBaseException().Message : null, epoch), TaskScheduler.Default).PipeTo(self);
    }

    private sealed class ReportStatus
    {
        public static readonly ReportStatus Instance = new();
    }
}
