using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Streamline.Core.Exchange;
using Streamline.Core.Records;
using Streamline.Core.Sinks;
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

    public IGraph<OperatorShape, NotUsed> CreateExchange(string name, Partitioning partitioning, object? router, int targets, int maxBatchSize) =>
        partitioning switch
        {
            Partitioning.Broadcast when targets > 1 => new FanOutStage<T>(targets),
            Partitioning.Hash => new PartitionStage<T>(name, targets,
                () => router as IRecordRouter<T> ?? throw new InvalidOperationException($"hash exchange '{name}' has no key router for {typeof(T).Name}"), maxBatchSize),
            _ => new PartitionStage<T>(name, targets, () => new RoundRobinRouter<T>(), maxBatchSize),
        };

    public IGraph<OperatorShape, NotUsed> CreateMerge(string name, int inputs, int maxBatchSize) => new UnionStage<T>(name, inputs, maxBatchSize);

    public IGraph<OperatorShape, NotUsed> CreateDiscard(string name, Action<ControlSignal> signalCompleted) =>
        new ReportingStage<ISinkControl>(new SinkStage<T>(name, (RecordBatch<T> _) => { }, signalCompleted), _ => { });
}
