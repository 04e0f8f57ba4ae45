using System.Collections.Immutable;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Streamline.Core.Graph;
using Streamline.Core.Graph.Physical;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages;

namespace Streamline.Core.Execution.Internal;

/// <summary>
/// Builds the graph of one task: its operators' stages fused together, the merge stages of the
/// edges it receives (aligning watermarks and barriers across sending tasks), the exchange stages
/// of the edges it sends, and default sinks for outputs nobody consumes.
/// </summary>
internal sealed class TaskModuleBuilder(PhysicalPlan plan, StreamlineSettings settings, Func<LogicalNode, int, OperatorContext> contextFor,
    Func<int, StageServices> servicesFor, Func<LogicalNode, int, int, string, IGraph<OperatorShape, NotUsed>> defaultSink)
{
    public TaskModule Build(Vertex vertex, int instance)
    {
        var outlets = new Dictionary<(int, int), int>();
        var inlets = new Dictionary<(int, int), int>();
        var graph = GraphDsl.Create(b =>
        {
            var openInlets = new List<Inlet>();
            var openOutlets = new List<Outlet>();
            var shapes = new Dictionary<LogicalNode, OperatorShape>();
            var services = servicesFor(instance);
            foreach (var node in vertex.Nodes) shapes[node] = b.Add(node.CreateStage(contextFor(node, instance), services));

            foreach (var edge in plan.Edges.Where(e => e.To == vertex))
            {
                var target = shapes[edge.Consumer].Inlets[edge.InputIndex];
                var sources = edge.SourcesOf(instance);
                if (sources.Count == 1)
                {
                    inlets[(edge.Id, sources[0])] = openInlets.Count;
                    openInlets.Add(target);
                    continue;
                }
                var spec = edge.Logical.From.OutputPorts[edge.Logical.Port];
                var merge = b.Add(spec.CreateMerge($"{edge.Consumer.Name}.in{edge.InputIndex}#{instance}", sources.Count, settings.MaxBatchSize));
                spec.Connect(b, merge.Outlets[0], new[] { target });
                for (var i = 0; i < sources.Count; i++)
                {
                    inlets[(edge.Id, sources[i])] = openInlets.Count;
                    openInlets.Add(merge.Inlets[i]);
                }
            }

            foreach (var node in vertex.Nodes)
                for (var port = 0; port < node.OutputPorts.Count; port++)
                    WirePort(b, node, port, instance, shapes, openOutlets, outlets);

            return new OperatorShape(openInlets.ToImmutableArray(), openOutlets.ToImmutableArray());
        });
        return new TaskModule { Vertex = vertex, Instance = instance, Graph = graph, Outlets = outlets, Inlets = inlets };
    }

    private void WirePort(GraphDsl.Builder<NotUsed> b, LogicalNode node, int port, int instance, Dictionary<LogicalNode, OperatorShape> shapes,
        List<Outlet> openOutlets, Dictionary<(int, int), int> outletIndex)
    {
        var spec = node.OutputPorts[port];
        var vertex = plan.VertexOf(node);
        var local = plan.Definition.ConsumersOf(node, port)
            .Where(c => plan.VertexOf(c.Consumer) == vertex)
            .Select(c => shapes[c.Consumer].Inlets[c.InputIndex]).ToList();
        var remote = plan.Edges.Where(e => e.Logical.From == node && e.Logical.Port == port).ToList();
        var source = shapes[node].Outlets[port];
        if (local.Count == 0 && remote.Count == 0)
        {
            local.Add(b.Add(defaultSink(node, port, instance, spec.Name)).Inlets[0]);
        }

        // One branch per consumer: local inlets directly, each remote edge through its exchange.
        var branches = new List<Inlet>(local);
        var exposures = new List<(PhysicalEdge Edge, Outlet Outlet)>();
        foreach (var edge in remote)
        {
            var targets = edge.TargetsOf(instance);
            if (edge.IsPointwise)
            {
                // A pointwise edge needs the port's outlet itself, or a fan-out branch when shared.
                exposures.Add((edge, source));
                continue;
            }
            var exchange = b.Add(spec.CreateExchange($"{node.Name}.{spec.Name}->{edge.Consumer.Name}#{instance}", edge.Effective, edge.Logical.Router, targets.Count, settings.MaxBatchSize));
            branches.Add(exchange.Inlets[0]);
            for (var i = 0; i < targets.Count; i++)
            {
                outletIndex[(edge.Id, targets[i])] = openOutlets.Count;
                openOutlets.Add(exchange.Outlets[i]);
            }
        }

        var pointwise = exposures.Count;
        if (branches.Count + pointwise == 1 && pointwise == 1)
        {
            var (edge, outlet) = exposures[0];
            outletIndex[(edge.Id, instance)] = openOutlets.Count;
            openOutlets.Add(outlet);
            return;
        }
        if (pointwise == 0)
        {
            spec.Connect(b, source, branches);
            return;
        }
        // Shared by pointwise edges and others: fan out, expose the pointwise branches.
        var fanOut = b.Add(spec.CreateExchange($"{node.Name}.{spec.Name}#fan-out{instance}", Partitioning.Broadcast, null, branches.Count + pointwise, settings.MaxBatchSize));
        spec.Connect(b, source, new[] { fanOut.Inlets[0] });
        for (var i = 0; i < branches.Count; i++) spec.Connect(b, fanOut.Outlets[i], new[] { branches[i] });
        for (var i = 0; i < pointwise; i++)
        {
            outletIndex[(exposures[i].Edge.Id, instance)] = openOutlets.Count;
            openOutlets.Add(fanOut.Outlets[branches.Count + i]);
        }
    }
}
