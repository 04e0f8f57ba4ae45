using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.Management.Cluster.Bootstrap.ContactPoint;
using Newtonsoft.Json;

namespace Streamline.Runtime.Node;

/// <summary>
/// <c>GET /bootstrap/seed-nodes</c>, the route other nodes' cluster bootstrap probes: this node's
/// address and the members it can offer as seeds, in Akka.Management's own JSON types (so its
/// bootstrap client reads it). Same rules as Akka.Management's route.
/// </summary>
internal static class BootstrapSeedNodesRoute
{
    public const string Path = "/bootstrap/seed-nodes";

    public static PlainHttpServer.Response Answer(ActorSystem system, int maxSeedNodes)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var self = cluster.SelfMember;
        // A member on its way out (or not in yet: Removed) offers no seeds; joining through it would fail.
        if (self.Status is MemberStatus.Down or MemberStatus.Exiting or MemberStatus.Leaving or MemberStatus.Removed)
            return Json(new HttpBootstrapJsonProtocol.SeedNodes(self.Address, ImmutableList<HttpBootstrapJsonProtocol.ClusterMember>.Empty));
        var state = cluster.State;
        var members = state.Members
            .Where(m => !state.Unreachable.Contains(m) && m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining)
            .Take(maxSeedNodes)
            .Select(m => new HttpBootstrapJsonProtocol.ClusterMember(m.UniqueAddress.Address, m.UniqueAddress.Uid, m.Status, m.Roles))
            .ToImmutableList();
        return Json(new HttpBootstrapJsonProtocol.SeedNodes(cluster.SelfAddress, members));
    }

    private static PlainHttpServer.Response Json(HttpBootstrapJsonProtocol.SeedNodes nodes) =>
        new(200, JsonConvert.SerializeObject(nodes), "application/json");
}
