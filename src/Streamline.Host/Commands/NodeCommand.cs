using Streamline.Runtime.Coordination;
using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Execution;
using Streamline.Host.Demo;
using Streamline.Runtime;
using Streamline.Runtime.Checkpoints;
using Streamline.Runtime.Node;
using Streamline.Runtime.Node.Operations;

namespace Streamline.Host.Commands;

/// <summary>
/// `streamline node`: joins the cluster described by the configuration, hosts tasks of the
/// registered pipelines, serves health probes and pipeline operations over HTTP, optionally submits
/// one pipeline (from a savepoint when given), and leaves gracefully on Ctrl+C / SIGTERM
/// (CoordinatedShutdown hands its tasks' shards to the other nodes). Exits 1 when the pipeline it
/// was asked to submit cannot start.
/// </summary>
public static class NodeCommand
{
    public static async Task<int> RunAsync(string configFile, string? submit, long? fromSavepoint, string? kafka, int statusEverySeconds, CancellationToken cancel)
    {
        if (fromSavepoint is not null && submit is null)
            throw new ArgumentException("--from-savepoint needs --submit: it names the savepoint the submitted pipeline starts from", nameof(fromSavepoint));
        // SIGTERM (how Kubernetes and `kill` stop a process) leaves the cluster like Ctrl+C does.
        // Akka's own CLR-exit hook may run the coordinated shutdown first; both paths end below.
        var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stopping.Cancel();
        });
        var ct = stopping.Token;
        var own = EnvironmentOverrides.Apply(HoconFiles.Load(configFile));
        // Checkpoints need a journal and snapshot store: without akka.persistence settings of its
        // own, a node keeps them in a SQLite file (zero setup, one node).
        var config = own
            .WithFallback(CheckpointPersistenceConfig.Default(own))
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

        // Read before the ActorSystem starts, so a bad health setting stops the node before it joins.
        var healthSettings = NodeHealthSettings.FromConfig(config);
        var system = ActorSystem.Create(config.GetString("streamline.cluster.name", "streamline"), config);
        // The node first: its endpoints serve the pipeline operations through it.
        var node = StreamlineNode.Start(system, registry, StreamlineSettings.FromConfig(config));
        var (healthEndpoint, managementEndpoint) = await StartEndpointsAsync(system, healthSettings, node);
        await using var health = healthEndpoint;
        await using var management = managementEndpoint;
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        Console.WriteLine($"node {cluster.SelfAddress} started; pipelines: {string.Join(", ", registry.Names.DefaultIfEmpty("(none: pass --kafka to register the demo pipelines)"))}");

        var terminated = system.WhenTerminated;
        var submitFailed = false;
        try
        {
            await Task.WhenAny(up.Task, terminated).WaitAsync(ct);
            if (up.Task.IsCompleted)
            {
                Console.WriteLine($"node {cluster.SelfAddress} is Up");
                if (submit is not null) submitFailed = !await SubmitAsync(node, submit, fromSavepoint, statusEverySeconds, ct);
            }
            if (!submitFailed) await Task.WhenAny(Task.Delay(Timeout.Infinite, ct), terminated);
        }
        catch (OperationCanceledException)
        {
        }
        if (submitFailed)
        {
            // With akka.coordinated-shutdown.exit-clr = on, Akka ends the process with Environment.Exit(0)
            // once the system terminated. Process-exit handlers run inside that call, and the exit code
            // they set is the one the process returns: a failed submit must not look like success.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Environment.ExitCode = 1;
        }
        if (!terminated.IsCompleted)
        {
            Console.WriteLine("leaving the cluster…");
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
            await terminated;
        }
        var reason = CoordinatedShutdown.Get(system).ShutdownReason;
        Console.WriteLine(reason is null ? "the actor system terminated unexpectedly" : $"left the cluster ({reason.GetType().Name})");
        return reason is null || submitFailed ? 1 : 0;
    }

    /// <summary>Submits the pipeline and prints where its tasks run; false (with the reason on stderr) when it cannot start.</summary>
    private static async Task<bool> SubmitAsync(StreamlineNode node, string pipeline, long? fromSavepoint, int statusEverySeconds, CancellationToken ct)
    {
        try
        {
            if (fromSavepoint is { } id) Console.WriteLine($"submitting pipeline {pipeline} from savepoint {id}");
            PipelineHandle handle;
            try
            {
                handle = await node.SubmitAsync(pipeline, fromSavepoint, ct);
            }
            catch (PipelineAlreadyRunningException) when (fromSavepoint is null)
            {
                // After a restart the pipeline manager resumes the pipelines that were running;
                // submitting again then means following the resumed one.
                Console.WriteLine($"pipeline {pipeline} is already running in the cluster (resumed from its last checkpoint); following it");
                handle = await node.AttachAsync(pipeline, ct);
            }
            PrintStateChanges(handle);
            await handle.Started.WaitAsync(ct);
            foreach (var (task, address) in handle.Placement.OrderBy(p => p.Key.Vertex).ThenBy(p => p.Key.Index))
                Console.WriteLine($"  task {task} on {address}");
            if (statusEverySeconds > 0) _ = PrintStatusEvery(handle, TimeSpan.FromSeconds(statusEverySeconds), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Refused (already running, no such savepoint, not registered here): say why, then leave.
            Console.Error.WriteLine($"error: pipeline {pipeline} did not start: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// Starts the /alive and /ready listener (unless disabled) and, when the configuration asks for
    /// them (k8s.conf), the management endpoint and cluster bootstrap. A failure terminates the
    /// ActorSystem and is rethrown: a node without its probes or its way into the cluster must not run.
    /// </summary>
    private static async Task<(NodeHealthServer? Health, NodeManagementServer? Management)> StartEndpointsAsync(ActorSystem system, NodeHealthSettings healthSettings, StreamlineNode node)
    {
        NodeHealthServer? health = null;
        try
        {
            if (healthSettings.Enabled)
            {
                health = NodeHealthServer.Start(NodeHealth.Get(system), healthSettings, node);
                Console.WriteLine($"health endpoints: {new Uri(health.BaseUri, NodeHealthServer.AlivePath)} and {new Uri(health.BaseUri, NodeHealthServer.ReadyPath)}");
                Console.WriteLine($"pipeline operations: {new Uri(health.BaseUri, OperationsJson.Prefix)} ({Operations(health.OperationsAllowed)})");
            }
            var management = await NodeManagement.StartAsync(system, NodeHealth.Get(system), node);
            if (management is not null)
                Console.WriteLine($"management endpoint on {management.Endpoint}, advertised as {management.ContactPoint} (/alive, /ready, /pipelines: {Operations(management.OperationsAllowed)}" +
                                  $"{(management.BootstrapStarted ? "; /bootstrap/seed-nodes; cluster bootstrap started" : "")})");
            return (health, management);
        }
        catch
        {
            if (health is not null) await health.DisposeAsync();
            await system.Terminate();
            throw;
        }
    }

    private static string Operations(bool allowed) => allowed
        ? "status, savepoint, stop"
        : $"status only; savepoint and stop refused here, see {NodeHealthSettings.Path}.allow-operations";

    /// <summary>Prints a line whenever the pipeline changes state or epoch (deploying, running, restarting…), with its tasks once running.</summary>
    private static void PrintStateChanges(PipelineHandle handle)
    {
        var last = (State: (PipelineState?)null, Epoch: -1);
        var lastCheckpoint = 0L;
        string? lastFailure = null;
        handle.StatusChanged += status =>
        {
            if (status.Checkpoints.LastCompletedId != lastCheckpoint)
            {
                lastCheckpoint = status.Checkpoints.LastCompletedId;
                Console.WriteLine($"pipeline {status.Pipeline}: checkpoint {lastCheckpoint} completed ({status.Checkpoints.LastBytes:N0} bytes in {status.Checkpoints.LastDuration.TotalMilliseconds:F0} ms)");
            }
            if (status.Checkpoints.LastFailure is { } failure && failure != lastFailure) Console.WriteLine(lastFailure = failure);
            if (last == (status.State, status.Epoch)) return;
            last = (status.State, status.Epoch);
            var restored = status.Checkpoints.RestoredFrom > 0 ? $", restored checkpoint {status.Checkpoints.RestoredFrom}" : "";
            Console.WriteLine($"pipeline {status.Pipeline}: {status.State} (epoch {status.Epoch}, restarts {status.Restarts}{restored})");
        };
    }

    private static async Task PrintStatusEvery(PipelineHandle handle, TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct) && !handle.Completion.IsCompleted)
            {
                var status = handle.Status;
                Console.WriteLine($"pipeline {status.Pipeline}: {status.State} (epoch {status.Epoch}, restarts {status.Restarts})");
                foreach (var t in status.Tasks)
                    Console.WriteLine($"  {t.Task,-28} {t.Node?.ToString() ?? "-",-40} in {t.RecordsIn,12:N0}  out {t.RecordsOut,12:N0}  backpressured {t.BackpressuredFraction,4:P0}  blocked {t.BlockedOutputs}  watermark {(t.Watermark == long.MinValue ? "-" : t.Watermark.ToString())}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
