using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Execution;
using Streamline.Host.Demo;
using Streamline.Runtime;
using Streamline.Runtime.Node;

namespace Streamline.Host.Commands;

/// <summary>
/// `streamline node`: joins the cluster described by the configuration, hosts tasks of the
/// registered pipelines, optionally submits one, and leaves gracefully on Ctrl+C / SIGTERM
/// (CoordinatedShutdown hands its tasks' shards to the other nodes).
/// </summary>
public static class NodeCommand
{
    public static async Task<int> RunAsync(string configFile, string? submit, string? kafka, CancellationToken ct)
    {
        var config = HoconFiles.Load(configFile)
            .WithFallback(RuntimeConfig.Default())
            .WithFallback(StreamlineSettings.DefaultConfig());
        var registry = new PipelineRegistry();
        // The pipelines this node can run: the same set on every node, like any deployed code.
        var bootstrap = kafka ?? config.GetString("streamline.demo.kafka-bootstrap-servers", "");
        if (!string.IsNullOrEmpty(bootstrap))
        {
            registry.Register("page-view-counts", () => DemoPipeline.Build(bootstrap, TimeSpan.FromSeconds(5)));
            registry.Register(SensorSumsPipeline.Name, () => SensorSumsPipeline.Build(bootstrap));
        }

        var system = ActorSystem.Create(config.GetString("streamline.cluster.name", "streamline"), config);
        var node = StreamlineNode.Start(system, registry, StreamlineSettings.FromConfig(config));
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        Console.WriteLine($"node {cluster.SelfAddress} started; pipelines: {string.Join(", ", registry.Names.DefaultIfEmpty("(none: pass --kafka to register the demo pipeline)"))}");

        try
        {
            await up.Task.WaitAsync(ct);
            Console.WriteLine($"node {cluster.SelfAddress} is Up");
            if (submit is not null)
            {
                var handle = node.Submit(submit);
                await handle.Started.WaitAsync(ct);
                foreach (var (task, address) in handle.Placement.OrderBy(p => p.Key.Vertex).ThenBy(p => p.Key.Index))
                    Console.WriteLine($"  task {task} on {address}");
            }
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("leaving the cluster…");
        }
        await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
        await system.WhenTerminated;
        return 0;
    }
}
