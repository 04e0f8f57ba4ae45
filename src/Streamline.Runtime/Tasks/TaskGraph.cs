using Akka;
using Akka.Actor;
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
using Streamline.Runtime.Checkpoints;
using Streamline.Runtime.Exchange;

namespace Streamline.Runtime.Tasks;

/// <summary>
/// The stages of one task deployment: its vertex's fused operators, exchange receivers on its
/// inputs and senders on its outputs, wired to its metrics and its checkpointer; plus the
/// controls of its sources and sinks.
/// </summary>
internal sealed class TaskGraph
{
    private TaskGraph(IRunnableGraph<NotUsed> graph, List<(string Name, ISourceControl Control)> sources, List<ISinkControl> sinks, List<Task> outputs)
    {
        Graph = graph;
        Sources = sources;
        Sinks = sinks;
        Outputs = outputs;
    }

    public IRunnableGraph<NotUsed> Graph { get; }

    /// <summary>Filled while the graph materializes.</summary>
    public List<(string Name, ISourceControl Control)> Sources { get; }

    /// <summary>Filled while the graph materializes.</summary>
    public List<ISinkControl> Sinks { get; }

    /// <summary>One per outgoing channel: completes when the channel ended.</summary>
    public List<Task> Outputs { get; }

    public static TaskGraph Build(PipelineDefinition definition, PhysicalPlan plan, TaskId task, int epoch, StreamlineSettings settings, RuntimeSettings runtime,
        IActorRef region, IActorRef endpoint, TaskMetrics metrics, TaskCheckpointer checkpointer)
    {
        var vertex = plan.Vertices[task.Vertex];
        var sources = new List<(string, ISourceControl)>();
        var sinks = new List<ISinkControl>();
        var outputs = new List<Task>();
        var services = new StageServices
        {
            RegisterSource = (name, control) =>
            {
                lock (sources) sources.Add((name, control));
                if (control is ICheckpointedSource) checkpointer.AddSource();
            },
            RegisterSink = (_, control) =>
            {
                lock (sinks) sinks.Add(control);
                checkpointer.AddEnd();
            },
            SignalCompleted = (_, signal) =>
            {
                if (signal is CheckpointBarrier barrier) checkpointer.OnEnd(barrier);
            },
        };
        var builder = new TaskModuleBuilder(plan, settings,
            (node, i) => new OperatorContext(definition.Name, node.Name, i, definition.ParallelismOf(node), definition.MaxParallelism, Core.Time.SystemClock.Instance, settings.MaxBatchSize)
            {
                OnStateCreated = checkpointer.OnStateCreated,
                OnBarrier = checkpointer.OnOperatorBarrier,
                RestoredSourcePositions = checkpointer.RestoredPositions(node.Name),
            },
            _ => services,
            // Unconsumed side outputs (e.g. dead letters nobody reads) are dropped; they are not ends of the checkpoint.
            (node, port, i, portName) => node.OutputPorts[port].CreateDiscard($"{node.Name}.{portName}:unconsumed#{i}", _ => { }));
        var module = builder.Build(vertex, task.Index);
        var graph = GraphDsl.Create(b =>
        {
            var shape = b.Add(module.Graph);
            foreach (var ((edgeId, target), outlet) in module.Outlets)
            {
                var edge = plan.Edges[edgeId];
                var spec = edge.Logical.From.OutputPorts[edge.Logical.Port];
                var channel = new ChannelId(definition.Name, edgeId, task.Index, target, epoch);
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                outputs.Add(done.Task);
                checkpointer.AddEnd();
                var sender = b.Add(ExchangeStages.Sender(spec.ElementType, channel, new ShardedTransport(region, definition.Name, edge.To.Id), metrics, done, checkpointer.OnEnd));
                spec.Connect(b, shape.Outlets[outlet], new[] { sender.Inlets[0] });
            }
            foreach (var ((edgeId, source), inlet) in module.Inlets)
            {
                var edge = plan.Edges[edgeId];
                var spec = edge.Logical.From.OutputPorts[edge.Logical.Port];
                var channel = new ChannelId(definition.Name, edgeId, source, task.Index, epoch);
                var receiver = b.Add(ExchangeStages.Receiver(spec.ElementType, channel, runtime.Credits, endpoint, metrics));
                spec.Connect(b, receiver.Outlets[0], new[] { shape.Inlets[inlet] });
            }
            return ClosedShape.Instance;
        });
        return new TaskGraph(RunnableGraph.FromGraph(graph), sources, sinks, outputs);
    }
}
