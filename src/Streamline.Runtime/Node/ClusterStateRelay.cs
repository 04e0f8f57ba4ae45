using Akka.Actor;

namespace Streamline.Runtime.Node;

/// <summary>
/// Asks the cluster's event publisher for its current state on behalf of the asker: the publisher
/// replies straight to the ask's temporary actor, so every answer is as new as any cluster event
/// already delivered (the cached <c>Cluster.SelfMember</c> is updated by another actor, and lags).
/// </summary>
internal sealed class ClusterStateRelay : ReceiveActor
{
    public sealed class Request
    {
        public static readonly Request Instance = new();

        private Request()
        {
        }
    }

    public ClusterStateRelay(Akka.Cluster.Cluster cluster) =>
        Receive<Request>(_ => cluster.SendCurrentClusterState(Sender));
}
