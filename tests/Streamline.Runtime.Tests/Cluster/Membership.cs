using Akka.Actor;

namespace Streamline.Runtime.Tests.Cluster;

/// <summary>Joining in-process members to a cluster in tests.</summary>
internal static class Membership
{
    /// <summary>Joins <paramref name="system"/> to <paramref name="seed"/> (itself when null) and waits until it is Up.</summary>
    public static async Task JoinAsync(ActorSystem system, Address? seed = null, TimeSpan? timeout = null)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(seed ?? cluster.SelfAddress);
        await up.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Joins every node to the first and waits until all are Up. Joins are not awaited one by one:
    /// with min-nr-of-members above 1, no node is Up until enough have joined.
    /// </summary>
    public static async Task JoinAllAsync(IReadOnlyList<ActorSystem> nodes, TimeSpan? timeout = null)
    {
        var seed = Akka.Cluster.Cluster.Get(nodes[0]).SelfAddress;
        var up = nodes.Select(n =>
        {
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Akka.Cluster.Cluster.Get(n).RegisterOnMemberUp(() => tcs.TrySetResult());
            return tcs.Task;
        }).ToList();
        foreach (var n in nodes) Akka.Cluster.Cluster.Get(n).Join(seed);
        await Task.WhenAll(up).WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }
}
