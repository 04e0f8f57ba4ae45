using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Sources;
using Streamline.Core.Stages;

namespace Streamline.Core.Graph.Nodes;

public sealed class SourceNode<T> : LogicalNode
{
    private readonly IPortSpec[] _ports;

    internal SourceNode(int id, string name, ISourceDefinition<T> definition) : base(id, name, "source")
    {
        Definition = definition;
        Details = definition.Describe();
        _ports = new IPortSpec[] { new PortSpec<T>("out"), new PortSpec<DeadLetter>(DeadLetters.Tag.Id) };
    }

    public ISourceDefinition<T> Definition { get; }

    public override IReadOnlyList<IPortSpec> OutputPorts => _ports;

    public override bool IsSource => true;

    internal override IGraph<OperatorShape, NotUsed> CreateStage(OperatorContext context, StageServices services) =>
        services.Resolve(Name, services.SourceOverride(Name), Definition, "source").CreateStage(Name, context, control => services.RegisterSource(Name, control));
}
