using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Streamline.Core.Records;
using Streamline.Core.Stages;

namespace Streamline.Core.Graph;

public sealed class PortSpec<T> : IPortSpec
{
    public PortSpec(string name) => Name = name;

    public string Name { get; }

    public Type ElementType => typeof(T);

    public void Connect(GraphDsl.Builder<NotUsed> builder, Outlet outlet, IReadOnlyList<Inlet> inlets)
    {
        var typed = (Outlet<StreamElement<T>>)outlet;
        if (inlets.Count == 1)
        {
            builder.From(typed).To((Inlet<StreamElement<T>>)inlets[0]);
            return;
        }
        var fanOut = builder.Add<OperatorShape, NotUsed>(new FanOutStage<T>(inlets.Count));
        builder.From(typed).To(fanOut.In<StreamElement<T>>(0));
        for (var i = 0; i < inlets.Count; i++) builder.From(fanOut.Out<StreamElement<T>>(i)).To((Inlet<StreamElement<T>>)inlets[i]);
    }
}
