using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace Streamline.Core.Graph;

/// <summary>The type of one output port; knows how to wire that type in a graph.</summary>
public interface IPortSpec
{
    string Name { get; }

    Type ElementType { get; }

    /// <summary>Connects <paramref name="outlet"/> to every inlet (copying batches for fan-out).</summary>
    void Connect(GraphDsl.Builder<NotUsed> builder, Outlet outlet, IReadOnlyList<Inlet> inlets);
}
