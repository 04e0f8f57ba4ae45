using Akka.Actor;

namespace Streamline.Runtime.Coordination;

/// <summary>The pipeline manager's answer to <see cref="ListPipelines"/>: every running pipeline's name and coordinator.</summary>
public sealed record RunningPipelines(IReadOnlyDictionary<string, IActorRef> Coordinators)
{
    /// <summary>The names, sorted, for messages and listings (a method, so serializers leave it out of the message).</summary>
    public IReadOnlyList<string> SortedNames() => Coordinators.Keys.Order(StringComparer.Ordinal).ToList();
}
