using Akka;
using Akka.Streams;
using Streamline.Core.Graph.Physical;
using Streamline.Core.Stages;

namespace Streamline.Core.Execution.Internal;

/// <summary>
/// One task (vertex instance) as a closed-over Akka graph with open ports for the physical edges
/// it sends on and receives from; the runner wires tasks together through those ports.
/// </summary>
internal sealed class TaskModule
{
    public required Vertex Vertex { get; init; }

    public required int Instance { get; init; }

    public required IGraph<OperatorShape, NotUsed> Graph { get; init; }

    /// <summary>(edge id, target instance) → index of the module's outlet sending to it.</summary>
    public required Dictionary<(int Edge, int Target), int> Outlets { get; init; }

    /// <summary>(edge id, source instance) → index of the module's inlet receiving from it.</summary>
    public required Dictionary<(int Edge, int Source), int> Inlets { get; init; }
}
