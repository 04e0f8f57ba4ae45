using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Stages;

namespace Streamline.Core.Graph.Nodes;

/// <summary>A one-input operator node; the factory creates a fresh operator per instance.</summary>
public sealed class OperatorNode<TIn, TOut> : LogicalNode, ISideOutputHost
{
    private readonly Func<OneInputOperator<TIn, TOut>> _factory;
    private readonly List<IOutputTag> _tags;
    private readonly List<IPortSpec> _ports;

    internal OperatorNode(int id, string name, string kind, Func<OneInputOperator<TIn, TOut>> factory, IEnumerable<IOutputTag> sideOutputs)
        : base(id, name, kind)
    {
        _factory = factory;
        _tags = sideOutputs.ToList();
        _ports = new List<IPortSpec> { new PortSpec<TOut>("out") };
        _ports.AddRange(_tags.Select(PortFor));
    }

    public override IReadOnlyList<IPortSpec> OutputPorts => _ports;

    /// <summary>Declares a further side output (e.g. when the user asks for it after the operator was added).</summary>
    public int AddSideOutput(IOutputTag tag)
    {
        var existing = PortOf(tag.Id);
        if (existing >= 0) return existing;
        _tags.Add(tag);
        _ports.Add(PortFor(tag));
        return _ports.Count - 1;
    }

    internal override IGraph<OperatorShape, NotUsed> CreateStage(OperatorContext context, StageServices services) =>
        new OneInputOperatorStage<TIn, TOut>(Name, _factory, context, _tags);

    internal static IPortSpec PortFor(IOutputTag tag) =>
        (IPortSpec)Activator.CreateInstance(typeof(PortSpec<>).MakeGenericType(tag.ElementType), tag.Id)!;
}
