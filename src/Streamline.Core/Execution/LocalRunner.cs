using Akka;
using Akka.Actor;
using Akka.Event;
using DeadLetter = Streamline.Core.Records.DeadLetter;
using Akka.Streams;
using Akka.Streams.Dsl;
using Streamline.Core.Graph;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Sinks;
using Streamline.Core.Stages;

namespace Streamline.Core.Execution;

/// <summary>
/// Runs a pipeline inside one ActorSystem as one Akka Streams graph: every operator a stage,
/// edges wired directly (fan-out copies batches), outputs nobody consumes drained by default
/// sinks (dead letters are logged). Parallel instances and cross-node exchanges are the
/// cluster runtime's job.
/// </summary>
public static class LocalRunner
{
    public static RunningPipeline Run(PipelineDefinition definition, ActorSystem system, RunOptions? options = null)
    {
        options ??= new RunOptions();
        var settings = options.Settings;
        foreach (var node in definition.Nodes)
        {
            if (definition.ParallelismOf(node) != 1)
                throw new NotSupportedException(
                    $"operator '{node.Name}' asks for parallelism {definition.ParallelismOf(node)}; the local runner runs one instance per operator. Run the pipeline on the cluster runtime for parallel instances, or set parallelism 1.");
        }

        var terminals = new List<string>();
        foreach (var node in definition.Nodes)
        {
            if (node.IsSink) terminals.Add(node.Name);
            for (var port = 0; port < node.OutputPorts.Count; port++)
                if (!definition.ConsumersOf(node, port).Any()) terminals.Add(DefaultSinkName(node, port));
        }

        var running = new RunningPipeline(definition.Name, terminals, settings.DeadLetterKeepLast);
        var log = Logging.GetLogger(system, $"streamline.{definition.Name}");
        var services = new StageServices
        {
            RegisterSource = running.RegisterSource,
            RegisterSink = running.RegisterSink,
            SignalCompleted = running.OnSignalCompleted,
            SourceOverride = name => options.SourceOverrides.GetValueOrDefault(name),
            SinkOverride = name => options.SinkOverrides.GetValueOrDefault(name),
        };
        var deadLetterLog = new RateLimitedLog(log, settings.DeadLetterLogPerSecond);

        var graph = GraphDsl.Create(b =>
        {
            var shapes = new Dictionary<LogicalNode, OperatorShape>();
            foreach (var node in definition.Nodes)
            {
                var context = new OperatorContext(definition.Name, node.Name, 0, 1, definition.MaxParallelism, options.Clock, settings.MaxBatchSize)
                {
                    OnStateCreated = (ctx, backend) =>
                    {
                        running.RegisterState(ctx.OperatorName, backend);
                        options.OnStateCreated?.Invoke(ctx, backend);
                    },
                };
                shapes[node] = b.Add(node.CreateStage(context, services));
            }
            foreach (var node in definition.Nodes)
            {
                for (var port = 0; port < node.OutputPorts.Count; port++)
                {
                    var spec = node.OutputPorts[port];
                    var inlets = definition.ConsumersOf(node, port).Select(c => shapes[c.Consumer].Inlets[c.InputIndex]).ToList();
                    if (inlets.Count == 0)
                    {
                        var name = DefaultSinkName(node, port);
                        var sink = spec.ElementType == typeof(DeadLetter)
                            ? new ReportingStage<ISinkControl>(new SinkStage<DeadLetter>(name, r =>
                            {
                                running.OnUnhandledDeadLetter(r.Value);
                                deadLetterLog.Warning(r.Value.ToString());
                            }, signal => running.OnSignalCompleted(name, signal)), _ => { })
                            : DiscardStage(spec.ElementType, name, running);
                        inlets.Add(b.Add(sink).Inlets[0]);
                    }
                    spec.Connect(b, shapes[node].Outlets[port], inlets);
                }
            }
            return ClosedShape.Instance;
        });

        RunnableGraph.FromGraph(graph).Run(system.Materializer());
        running.Completion = Task.WhenAll(running.Sinks.Values.Select(s => s.Completion));
        return running;
    }

    private static string DefaultSinkName(LogicalNode node, int port) => $"{node.Name}.{node.OutputPorts[port].Name}:unconsumed";

    private static IGraph<OperatorShape, NotUsed> DiscardStage(Type elementType, string name, RunningPipeline running)
    {
        var method = typeof(LocalRunner).GetMethod(nameof(DiscardStageOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        return (IGraph<OperatorShape, NotUsed>)method.MakeGenericMethod(elementType).Invoke(null, new object[] { name, running })!;
    }

    private static IGraph<OperatorShape, NotUsed> DiscardStageOf<T>(string name, RunningPipeline running) =>
        new ReportingStage<ISinkControl>(new SinkStage<T>(name, _ => { }, signal => running.OnSignalCompleted(name, signal)), _ => { });

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
