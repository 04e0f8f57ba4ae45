using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Stages;

namespace Streamline.Core.Graph.Nodes;

/// <summary>A two-input operator node (connected keyed streams, joins).</summary>
public sealed class TwoInputNode<TIn1, TIn2, TOut> : LogicalNode, ISideOutputHost
{
    private readonly Func<TwoInputOperator<TIn1, TIn2, TOut>> _factory;
    private readonly List<IOutputTag> _tags;
    private readonly List<IPortSpec> _ports;

    internal TwoInputNode(int id, string name, string kind, Func<TwoInputOperator<TIn1, TIn2, TOut>> factory, IEnumerable<IOutputTag> sideOutputs)
        : base(id, name, kind)
    {
        _factory = factory;
        _tags = sideOutputs.ToList();
        _ports = new List<IPortSpec> { new PortSpec<TOut>("out") };
        _ports.AddRange(_tags.Select(OperatorNode<TIn1, TOut>.PortFor));
    }

    public override IReadOnlyList<IPortSpec> OutputPorts => _ports;

    public int AddSideOutput(IOutputTag tag)
    {
        var existing = PortOf(tag.Id);
        if (existing >= 0) return existing;
        _tags.Add(tag);
        _ports.Add(OperatorNode<TIn1, TOut>.PortFor(tag));
        return _ports.Count - 1;
    }

    internal override IGraph<OperatorShape, NotUsed> CreateStage(OperatorContext context, StageServices services) =>
        new TwoInputOperatorStage<TIn1, TIn2, TOut>(Name, _factory, context, _tags);
}
