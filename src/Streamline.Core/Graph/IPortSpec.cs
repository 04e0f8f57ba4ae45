using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Streamline.Core.Records;
using Streamline.Core.Stages;

namespace Streamline.Core.Graph;

/// <summary>The type of one output port; creates and wires the typed stages that carry it.</summary>
public interface IPortSpec
{
    string Name { get; }

    Type ElementType { get; }

    /// <summary>Connects <paramref name="outlet"/> to every inlet (copying batches for fan-out).</summary>
    void Connect(GraphDsl.Builder<NotUsed> builder, Outlet outlet, IReadOnlyList<Inlet> inlets);

    /// <summary>Sending side of an exchange to <paramref name="targets"/> tasks.</summary>
    IGraph<OperatorShape, NotUsed> CreateExchange(string name, Partitioning partitioning, object? router, int targets, int maxBatchSize);

    /// <summary>Receiving side of an exchange: merges <paramref name="inputs"/> channels, aligning control signals.</summary>
    IGraph<OperatorShape, NotUsed> CreateMerge(string name, int inputs, int maxBatchSize);

    /// <summary>A sink that drops records and reports control signals (outputs nobody consumes).</summary>
    IGraph<OperatorShape, NotUsed> CreateDiscard(string name, Action<ControlSignal> signalCompleted);
}
