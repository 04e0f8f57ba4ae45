using Akka.Streams;
using Streamline.Core.Records;
using Streamline.Core.Stages.Internal;

namespace Streamline.Core.Operators;

/// <summary>Names a typed side output of an operator (late records, rejects, alerts).</summary>
public sealed class OutputTag<T> : IOutputTag
{
    public OutputTag(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("an output tag needs a non-empty id", nameof(id));
        Id = id;
    }

    public string Id { get; }

    public Type ElementType => typeof(T);

    Outlet IOutputTag.CreateOutlet(string stageName) => new Outlet<StreamElement<T>>($"{stageName}.{Id}");

    IOutletDriver IOutputTag.CreateDriver(Outlet outlet, int maxBatchSize, out object output)
    {
        var typed = new Output<T>(maxBatchSize);
        output = typed;
        return new OutletDriver<T>((Outlet<StreamElement<T>>)outlet, typed);
    }

    public override string ToString() => $"side-output '{Id}' ({typeof(T).Name})";
}
