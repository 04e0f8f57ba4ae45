using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Stages;

namespace Streamline.Core.Graph.Nodes;

public sealed class UnionNode<T> : LogicalNode
{
    private readonly IPortSpec[] _ports = { new PortSpec<T>("out") };

    internal UnionNode(int id, string name) : base(id, name, "union") { }

    public override IReadOnlyList<IPortSpec> OutputPorts => _ports;

    internal override IGraph<OperatorShape, NotUsed> CreateStage(OperatorContext context, StageServices services) =>
        new UnionStage<T>(Name, Inputs.Count, context.MaxBatchSize);
}
