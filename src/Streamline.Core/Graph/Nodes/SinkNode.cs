using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Sinks;
using Streamline.Core.Stages;

namespace Streamline.Core.Graph.Nodes;

public sealed class SinkNode<T> : LogicalNode
{
    internal SinkNode(int id, string name, ISinkDefinition<T> definition) : base(id, name, "sink")
    {
        Definition = definition;
        Details = definition.Describe();
    }

    public ISinkDefinition<T> Definition { get; }

    public override IReadOnlyList<IPortSpec> OutputPorts => Array.Empty<IPortSpec>();

    public override bool IsSink => true;

    internal override IGraph<OperatorShape, NotUsed> CreateStage(OperatorContext context, StageServices services) =>
        services.Resolve(Name, services.SinkOverride(Name), Definition, "sink").CreateStage(Name, context, signal => services.SignalCompleted(Name, signal), control => services.RegisterSink(Name, control));
}
