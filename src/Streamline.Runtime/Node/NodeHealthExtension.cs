using Akka.Actor;

namespace Streamline.Runtime.Node;

/// <summary>Makes <see cref="NodeHealth"/> one instance per ActorSystem.</summary>
internal sealed class NodeHealthExtension : ExtensionIdProvider<NodeHealth>
{
    public override NodeHealth CreateExtension(ExtendedActorSystem system) => new(system);
}
