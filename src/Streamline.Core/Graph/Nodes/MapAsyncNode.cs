using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Operators.MapAsync;
using Streamline.Core.Records;
using Streamline.Core.Stages;

namespace Streamline.Core.Graph.Nodes;

public sealed class MapAsyncNode<TIn, TOut> : LogicalNode
{
    private readonly int _parallelism;
    private readonly Func<TIn, Task<TOut>> _map;
    private readonly IPortSpec[] _ports = { new PortSpec<TOut>("out"), new PortSpec<DeadLetter>(DeadLetters.Tag.Id) };

    internal MapAsyncNode(int id, string name, int parallelism, Func<TIn, Task<TOut>> map) : base(id, name, "map-async")
    {
        _parallelism = parallelism;
        _map = map;
        Details = $"{parallelism} calls in flight, ordered";
    }

    public override IReadOnlyList<IPortSpec> OutputPorts => _ports;

    internal override IGraph<OperatorShape, NotUsed> CreateStage(OperatorContext context, StageServices services) =>
        new MapAsyncStage<TIn, TOut>(Name, _parallelism, _map, context);
}
