using Akka.Streams;
using Streamline.Core.Stages.Internal;

namespace Streamline.Core.Operators;

/// <summary>The untyped view of an <see cref="OutputTag{T}"/> the runtime uses to build ports.</summary>
public interface IOutputTag
{
    string Id { get; }

    Type ElementType { get; }

    internal Outlet CreateOutlet(string stageName);

    internal IOutletDriver CreateDriver(Outlet outlet, int maxBatchSize, out object output);
}
