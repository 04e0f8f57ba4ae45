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
}
