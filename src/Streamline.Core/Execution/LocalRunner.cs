using Akka;
using Akka.Actor;
using Akka.Event;
using DeadLetter = Streamline.Core.Records.DeadLetter;
using Akka.Streams;
using Akka.Streams.Dsl;
using Streamline.Core.Execution.Internal;
using Streamline.Core.Graph;
using Streamline.Core.Graph.Physical;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Sinks;
using Streamline.Core.Stages;

namespace Streamline.Core.Execution;

/// <summary>
/// Runs a pipeline inside one ActorSystem: the physical plan's tasks (vertex instances) each
/// become one fused island of stages, connected through exchanges (hash by key group, rebalance,
/// broadcast) or pointwise; outputs nobody consumes are drained by default sinks (dead letters
/// are logged). Cross-node exchanges are the cluster runtime's job.
/// </summary>
public static class LocalRunner
{
    public static RunningPipeline Run(PipelineDefinition definition, ActorSystem system, RunOptions? options = null)
    {
        options ??= new RunOptions();
        var settings = options.Settings;
        var plan = PhysicalPlan.Create(definition);

        var terminals = new List<string>();
        foreach (var vertex in plan.Vertices)
            foreach (var node in vertex.Nodes)
                for (var i = 0; i < vertex.Parallelism; i++)
                {
                    if (node.IsSink) terminals.Add(InstanceName(node.Name, i));
                    for (var port = 0; port < node.OutputPorts.Count; port++)
                        if (!definition.ConsumersOf(node, port).Any()) terminals.Add(InstanceName(DefaultSinkName(node, port), i));
                }

        var running = new RunningPipeline(definition.Name, terminals, settings.DeadLetterKeepLast);
        var log = Logging.GetLogger(system, $"streamline.{definition.Name}");
        var deadLetterLog = new RateLimitedLog(log, settings.DeadLetterLogPerSecond);

        StageServices ServicesFor(int instance) => new()
        {
            RegisterSource = (name, control) => running.RegisterSource(InstanceName(name, instance), control),
            RegisterSink = (name, control) => running.RegisterSink(InstanceName(name, instance), control),
            SignalCompleted = (name, signal) => running.OnSignalCompleted(InstanceName(name, instance), signal),
            SourceOverride = name => options.SourceOverrides.GetValueOrDefault(name),
            SinkOverride = name => options.SinkOverrides.GetValueOrDefault(name),
        };

        OperatorContext ContextFor(LogicalNode node, int instance) =>
            new(definition.Name, node.Name, instance, definition.ParallelismOf(node), definition.MaxParallelism, options.Clock, settings.MaxBatchSize)
            {
                OnStateCreated = (ctx, backend) =>
                {
                    running.RegisterState(ctx.OperatorName, backend);
                    options.OnStateCreated?.Invoke(ctx, backend);
                },
            };

        IGraph<OperatorShape, NotUsed> DefaultSink(LogicalNode node, int port, int instance, string portName)
        {
            var name = InstanceName(DefaultSinkName(node, port), instance);
            var spec = node.OutputPorts[port];
            if (spec.ElementType != typeof(DeadLetter)) return spec.CreateDiscard(name, signal => running.OnSignalCompleted(name, signal));
            return new ReportingStage<ISinkControl>(new SinkStage<DeadLetter>(name, r =>
            {
                running.OnUnhandledDeadLetter(r.Value);
                deadLetterLog.Warning(r.Value.ToString());
            }, signal => running.OnSignalCompleted(name, signal)), _ => { });
        }

        var builder = new TaskModuleBuilder(plan, settings, ContextFor, ServicesFor, DefaultSink);
        var modules = plan.Vertices.SelectMany(v => Enumerable.Range(0, v.Parallelism).Select(i => builder.Build(v, i))).ToList();

        var graph = GraphDsl.Create(b =>
        {
            // Each task is its own island (actor): operators of a task are fused, tasks run in parallel.
            var single = modules.Count == 1;
            var shapes = modules.ToDictionary(m => (m.Vertex, m.Instance), m => b.Add(single ? m.Graph : m.Graph.Async()));
            foreach (var edge in plan.Edges)
            {
                var spec = edge.Logical.From.OutputPorts[edge.Logical.Port];
                for (var source = 0; source < edge.From.Parallelism; source++)
                    foreach (var target in edge.TargetsOf(source))
                    {
                        var from = modules.First(m => m.Vertex == edge.From && m.Instance == source);
                        var to = modules.First(m => m.Vertex == edge.To && m.Instance == target);
                        spec.Connect(b, shapes[(edge.From, source)].Outlets[from.Outlets[(edge.Id, target)]], new[] { shapes[(edge.To, target)].Inlets[to.Inlets[(edge.Id, source)]] });
                    }
            }
            return ClosedShape.Instance;
        });

        RunnableGraph.FromGraph(graph).Run(system.Materializer());
        running.Completion = Task.WhenAll(running.Sinks.Values.Select(s => s.Completion));
        return running;
    }

    /// <summary>Instance 0 keeps the operator's name, so single-instance pipelines read naturally.</summary>
    private static string InstanceName(string name, int instance) => instance == 0 ? name : $"{name}#{instance}";

    private static string DefaultSinkName(LogicalNode node, int port) => $"{node.Name}.{node.OutputPorts[port].Name}:unconsumed";

    private sealed class RateLimitedLog(ILoggingAdapter log, int perSecond)
    {
        private long _second;
        private int _count;

        public void Warning(string message)
        {
            var now = Environment.TickCount64 / 1000;
            if (now != Interlocked.Exchange(ref _second, now)) Interlocked.Exchange(ref _count, 0);
            if (Interlocked.Increment(ref _count) <= perSecond) log.Warning("dead letter: {0}", message);
        }
    }
}
