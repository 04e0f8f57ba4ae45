using Akka.Actor;
using Akka.Cluster;

namespace Streamline.Runtime.Node;

/// <summary>
/// Liveness and readiness of a cluster node. Alive: the ActorSystem has not terminated. Ready: this
/// member is Up or WeaklyUp; not while it is joining, nor from Leaving on (so Kubernetes takes a
/// leaving pod out of rotation and waits for a restarted one to be a full member). One per ActorSystem.
/// </summary>
public sealed class NodeHealth : IExtension
{
    // Kubernetes probes give up after 1 s by default; an answer later than that is a failure anyway.
    private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(1);

    private readonly ActorSystem _system;
    private readonly Akka.Cluster.Cluster _cluster;
    private readonly IActorRef _relay;
    // A member that has left is absent from the state just like one that has not joined yet.
    private volatile bool _wasMember;

    internal NodeHealth(ExtendedActorSystem system)
    {
        _system = system;
        _cluster = Akka.Cluster.Cluster.Get(system);
        _relay = system.SystemActorOf(Props.Create(() => new ClusterStateRelay(_cluster)), "streamline-node-health");
    }

    public static NodeHealth Get(ActorSystem system) => system.WithExtension<NodeHealth, NodeHealthExtension>();

    public HealthCheckResult Alive() =>
        _system.WhenTerminated.IsCompleted
            ? new HealthCheckResult(false, "the actor system has terminated")
            : new HealthCheckResult(true, "the actor system is running");

    public async Task<HealthCheckResult> ReadyAsync()
    {
        if (_system.WhenTerminated.IsCompleted) return new HealthCheckResult(false, "the actor system has terminated");
        // The cluster daemons stop once this member is removed (or downed); nothing to ask then.
        if (_cluster.IsTerminated) return new HealthCheckResult(false, "removed from the cluster");
        ClusterEvent.CurrentClusterState state;
        try
        {
            state = await _relay.Ask<ClusterEvent.CurrentClusterState>(ClusterStateRelay.Request.Instance, StateTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            return new HealthCheckResult(false, $"the cluster state was not available within {StateTimeout.TotalSeconds:0.#} s");
        }
        var self = state.Members.FirstOrDefault(m => m.UniqueAddress.Equals(_cluster.SelfUniqueAddress));
        if (self is null)
            return _wasMember || _cluster.IsTerminated
                ? new HealthCheckResult(false, "removed from the cluster")
                : new HealthCheckResult(false, "Joining: not a cluster member yet");
        _wasMember = true;
        return self.Status is MemberStatus.Up or MemberStatus.WeaklyUp
            ? new HealthCheckResult(true, self.Status.ToString())
            : new HealthCheckResult(false, self.Status.ToString());
    }
}
