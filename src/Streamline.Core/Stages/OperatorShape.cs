using System.Collections.Immutable;
using Akka.Streams;

namespace Streamline.Core.Stages;

/// <summary>
/// The shape of every Streamline stage: any number of inputs and outputs, each carrying
/// <c>StreamElement&lt;X&gt;</c>. Output 0 is the main output; further outputs are side outputs
/// (late records, dead letters, tagged outputs).
/// </summary>
public sealed class OperatorShape : Shape
{
    public OperatorShape(ImmutableArray<Inlet> inlets, ImmutableArray<Outlet> outlets)
    {
        Inlets = inlets;
        Outlets = outlets;
    }

    public override ImmutableArray<Inlet> Inlets { get; }

    public override ImmutableArray<Outlet> Outlets { get; }

    public override Shape DeepCopy() =>
        new OperatorShape(Inlets.Select(i => i.CarbonCopy()).ToImmutableArray(), Outlets.Select(o => o.CarbonCopy()).ToImmutableArray());

    public override Shape CopyFromPorts(ImmutableArray<Inlet> inlets, ImmutableArray<Outlet> outlets)
    {
        if (inlets.Length != Inlets.Length || outlets.Length != Outlets.Length)
            throw new ArgumentException($"expected {Inlets.Length} inlets and {Outlets.Length} outlets, got {inlets.Length} and {outlets.Length}");
        return new OperatorShape(inlets, outlets);
    }

    public Inlet<T> In<T>(int index) => (Inlet<T>)Inlets[index];

    public Outlet<T> Out<T>(int index) => (Outlet<T>)Outlets[index];
}
