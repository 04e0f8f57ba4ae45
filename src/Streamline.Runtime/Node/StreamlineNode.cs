using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Akka.Pattern;
using Streamline.Core.Execution;
using Streamline.Core.Graph.Physical;
using Streamline.Runtime.Checkpoints;
using Streamline.Runtime.Coordination;
using Streamline.Runtime.Serialization;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Node;

/// <summary>
/// A cluster member that runs Streamline tasks: it hosts the "streamline-task" shard region
/// (any node can host any task of any registered pipeline), takes part in the cluster singleton
/// that manages pipelines, and submits pipelines to it.
/// </summary>
public sealed class StreamlineNode
{
    public const string TaskRegion = "streamline-task";
    public const string ManagerName = "streamline-pipelines";

    private readonly RuntimeSettings _runtime;

    private StreamlineNode(ActorSystem system, PipelineRegistry registry, IActorRef region, IActorRef manager, RuntimeSettings runtime)
    {
        _runtime = runtime;
        System = system;
        Registry = registry;
        Region = region;
        Manager = manager;
    }

    public ActorSystem System { get; }

    public PipelineRegistry Registry { get; }

    public IActorRef Region { get; }

    /// <summary>A proxy to the cluster's pipeline manager (a singleton on the oldest node).</summary>
    public IActorRef Manager { get; }

    /// <summary>Starts the task region and the pipeline manager singleton on <paramref name="system"/> (a member of the cluster).</summary>
    public static StreamlineNode Start(ActorSystem system, PipelineRegistry registry, StreamlineSettings? settings = null)
    {
        settings ??= StreamlineSettings.FromConfig(system.Settings.Config);
        var runtime = RuntimeSettings.FromConfig(system.Settings.Config);
        var checkpointing = CheckpointSettings.FromConfig(system.Settings.Config);
        var storage = new SnapshotStoreCheckpointStorage(system);
        var roles = Akka.Cluster.Cluster.Get(system).SelfRoles;
        if (!roles.Contains(runtime.TaskRole))
            throw new Akka.Configuration.ConfigurationException(
                $"this node's akka.cluster.roles = [{string.Join(", ", roles)}] lacks \"{runtime.TaskRole}\" (streamline.runtime.task-role): " +
                "the members that host tasks need it; add it to akka.cluster.roles");
        // A role, so that Akka's shard coordinator does not wait for min-nr-of-members regions
        // again each time it moves (see task-role in reference.conf).
        IActorRef? region = null;
        region = ClusterSharding.Get(system).Start(TaskRegion,
            _ => TaskEntity.Props(registry, region!, settings, runtime, storage),
            ClusterShardingSettings.Create(system).WithRole(runtime.TaskRole),
            new TaskMessageExtractor(64));
        // The manager persists; Akka.Persistence stops it when its journal fails (database down),
        // so a backoff supervisor starts it again, and it recovers the running pipelines.
        var manager = BackoffSupervisor.Props(Backoff.OnStop(PipelineManager.Props(registry, region, runtime, checkpointing, storage),
            "manager", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, maxNrOfRetries: -1));
        system.ActorOf(ClusterSingletonManager.Props(
                manager,
                PoisonPill.Instance,
                ClusterSingletonManagerSettings.Create(system)),
            ManagerName);
        var proxy = system.ActorOf(ClusterSingletonProxy.Props($"/user/{ManagerName}", ClusterSingletonProxySettings.Create(system)), ManagerName + "-proxy");
        return new StreamlineNode(system, registry, region, proxy, runtime);
    }

    /// <summary>
    /// Submits <paramref name="pipeline"/> to the cluster's pipeline manager, which deploys every
    /// task across the cluster. Faults with the manager's reason when the pipeline already runs
    /// anywhere in the cluster or cannot start (e.g. a missing serde).
    /// </summary>
    public async Task<PipelineHandle> SubmitAsync(string pipeline, CancellationToken ct = default) => await SubmitAsync(pipeline, null, ct);

    /// <summary>As <see cref="SubmitAsync(string, CancellationToken)"/>, restoring savepoint <paramref name="fromSavepoint"/> (null: the last checkpoint, if any).</summary>
    public async Task<PipelineHandle> SubmitAsync(string pipeline, long? fromSavepoint, CancellationToken ct = default)
    {
        // Fail fast here too: a missing serde or unknown name is this node's code's problem.
        ExchangeCodecs.Get(System).RegisterPlan(PhysicalPlan.Create(Registry.Get(pipeline)));
        return await Request(pipeline, watcher => new SubmitPipeline(pipeline, watcher, fromSavepoint), ct);
    }

    /// <summary>
    /// A handle on <paramref name="pipeline"/> already running in the cluster (e.g. resumed by the
    /// pipeline manager after a restart): its status, savepoints and stop, as if submitted here.
    /// </summary>
    public Task<PipelineHandle> AttachAsync(string pipeline, CancellationToken ct = default) =>
        Request(pipeline, watcher => new WatchPipeline(pipeline, watcher), ct);

    private async Task<PipelineHandle> Request(string pipeline, Func<IActorRef, object> message, CancellationToken ct)
    {
        var handle = new PipelineHandle(pipeline);
        var watcher = System.ActorOf(PipelineWatcher.Props(handle, Manager));
        Manager.Tell(message(watcher), watcher);
        try
        {
            await handle.Accepted.WaitAsync(_runtime.SubmitTimeout, ct);
        }
        catch (TimeoutException)
        {
            System.Stop(watcher);
            throw new TimeoutException($"submitting pipeline '{pipeline}': the cluster's pipeline manager did not answer within {_runtime.SubmitTimeout} " +
                "(streamline.runtime.coordinator.submit-timeout); is this node an Up member of a cluster (akka.cluster.seed-nodes, min-nr-of-members)?");
        }
        return handle;
    }

    /// <summary>The names of the pipelines running anywhere in the cluster, sorted, as the pipeline manager knows them.</summary>
    public async Task<IReadOnlyList<string>> ListPipelinesAsync(TimeSpan timeout) => (await RunningAsync(timeout).ConfigureAwait(false)).SortedNames();

    /// <summary>
    /// The status of <paramref name="pipeline"/> as its coordinator knows it now (state, epoch,
    /// restarts, checkpoints, every task). Works on any member, whichever node runs the coordinator.
    /// Throws <see cref="PipelineNotRunningException"/> when it runs nowhere in the cluster.
    /// </summary>
    public async Task<PipelineStatus> GetStatusAsync(string pipeline, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        var coordinator = await LocateAsync(pipeline, timeout).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var current = coordinator;
            var outcome = await ProbeAsync(pipeline, current, stop: false, Remaining(started, timeout),
                () => $"the coordinator of pipeline '{pipeline}' ({current.Path}) did not report its status within {timeout}; its node may be unreachable").ConfigureAwait(false);
            if (outcome.Status is { } status) return status;
            // It terminated in between: the pipeline just ended, or the coordinator crashed or its
            // node left, and the manager starts it again (then ask the new one, once).
            var running = await RunningAsync(Remaining(started, timeout)).ConfigureAwait(false);
            if (attempt == 0 && running.Coordinators.TryGetValue(pipeline, out var next) && !next.Equals(current))
            {
                coordinator = next;
                continue;
            }
            // The manager may not have seen the coordinator terminate yet.
            throw new PipelineNotRunningException(pipeline, running.Coordinators.Where(kv => !kv.Value.Equals(current)).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList());
        }
    }

    /// <summary>
    /// Takes a savepoint of <paramref name="pipeline"/> now, from any member: every task stores its
    /// state where savepoints are kept until deleted. Returns its id, to submit the pipeline from
    /// later with <see cref="SubmitAsync(string, long?, CancellationToken)"/>. Throws with the
    /// coordinator's reason when it could not be taken (e.g. a checkpoint is in progress: try again),
    /// <see cref="PipelineNotRunningException"/> for a pipeline that runs nowhere in the cluster, and
    /// <see cref="TimeoutException"/> when no answer came within <paramref name="timeout"/>.
    /// </summary>
    public async Task<long> TakeSavepointAsync(string pipeline, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        var coordinator = await LocateAsync(pipeline, timeout).ConfigureAwait(false);
        SavepointResult result;
        try
        {
            result = await coordinator.Ask<SavepointResult>(TakeSavepoint.Instance, Remaining(started, timeout)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            throw new TimeoutException($"no savepoint of pipeline '{pipeline}' within {timeout}: it waits until every task stored its state " +
                "(bounded by streamline.runtime.checkpoints.timeout). It may still complete: the pipeline's status shows the last completed checkpoint", e);
        }
        return result.Failure is null ? result.SavepointId : throw new InvalidOperationException(result.Failure);
    }

    /// <summary>
    /// The savepoints of <paramref name="pipeline"/>, oldest first, whether it runs or not (they are
    /// kept in its checkpoint log until deleted). Throws with the reason when its journal
    /// cannot be read, and <see cref="TimeoutException"/> when no answer came within <paramref name="timeout"/>.
    /// </summary>
    public async Task<IReadOnlyList<SavepointInfo>> ListSavepointsAsync(string pipeline, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(pipeline);
        var list = await AskManager<SavepointList>(new ListSavepoints(pipeline), timeout, () => SavepointTimeout($"listing the savepoints of pipeline '{pipeline}'", timeout)).ConfigureAwait(false);
        return list.Failure is null ? list.Savepoints : throw new InvalidOperationException(list.Failure);
    }

    /// <summary>
    /// Deletes savepoint <paramref name="savepointId"/> of <paramref name="pipeline"/> (its stored
    /// state, then its journal entry), whether the pipeline runs or not. Throws with the reason when
    /// there is no such savepoint, when it is what the running pipeline would restore from, or when
    /// the store failed (delete again: a repeated delete finishes the job).
    /// </summary>
    public async Task DeleteSavepointAsync(string pipeline, long savepointId, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(pipeline);
        var result = await AskManager<SavepointDeleteResult>(new DeleteSavepoint(pipeline, savepointId), timeout,
            () => SavepointTimeout($"deleting savepoint {savepointId} of pipeline '{pipeline}'", timeout)).ConfigureAwait(false);
        if (result.Failure is not null) throw new InvalidOperationException(result.Failure);
    }

    private static string SavepointTimeout(string what, TimeSpan timeout) =>
        $"{what}: no answer within {timeout}; it may still complete. Is this node an Up member of a cluster, and is the journal's database reachable?";

    /// <summary>Asks the cluster's pipeline manager; no answer in time is a <see cref="TimeoutException"/> with <paramref name="timedOut"/>'s message.</summary>
    private async Task<T> AskManager<T>(object request, TimeSpan timeout, Func<string> timedOut)
    {
        try
        {
            return await Manager.Ask<T>(request, timeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            throw new TimeoutException(timedOut(), e);
        }
    }

    /// <summary>
    /// Stops <paramref name="pipeline"/> cleanly, from any member: its sources stop reading, the
    /// records in flight drain through tasks and sinks, every task finishes. Completes when it has
    /// finished draining; throws when it failed instead, <see cref="PipelineNotRunningException"/>
    /// when it runs nowhere in the cluster, and <see cref="TimeoutException"/> when it is still
    /// draining after <paramref name="timeout"/> (it keeps stopping).
    /// </summary>
    public async Task StopAsync(string pipeline, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        var coordinator = await LocateAsync(pipeline, timeout).ConfigureAwait(false);
        var outcome = await ProbeAsync(pipeline, coordinator, stop: true, Remaining(started, timeout),
            () => $"pipeline '{pipeline}' did not finish draining within {timeout}; it keeps stopping (its sources stopped, records in flight drain): see its status").ConfigureAwait(false);
        if (outcome.Status is { State: PipelineState.Failed } failed)
            throw new InvalidOperationException(failed.Failure ?? $"pipeline '{pipeline}' failed while stopping");
        if (outcome.Status is not null) return;
        if (outcome.Heard)
        {
            // It answered, then terminated without a final status: it crashed or its node left, and
            // the manager starts the pipeline again from its last checkpoint.
            throw new InvalidOperationException($"the coordinator of pipeline '{pipeline}' terminated before the pipeline finished draining (it crashed or its node left); " +
                                                "the cluster starts the pipeline again from its last checkpoint: check its status and stop it again");
        }
        // It had terminated before the stop reached it. Gone from the manager (or not removed yet):
        // the pipeline ended. Another coordinator: it was started again, and still runs.
        var running = await RunningAsync(Remaining(started, timeout)).ConfigureAwait(false);
        if (running.Coordinators.TryGetValue(pipeline, out var now) && !now.Equals(coordinator))
            throw new InvalidOperationException($"the coordinator of pipeline '{pipeline}' terminated before the stop reached it, and the cluster started the pipeline again; stop it again");
    }

    private Task<RunningPipelines> RunningAsync(TimeSpan timeout) =>
        AskManager<RunningPipelines>(ListPipelines.Instance, timeout,
            () => $"the cluster's pipeline manager did not answer within {timeout}; is this node an Up member of a cluster (akka.cluster.seed-nodes, min-nr-of-members)?");

    /// <summary>The coordinator of a running pipeline, found through the manager (the singleton knows them all).</summary>
    private async Task<IActorRef> LocateAsync(string pipeline, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(pipeline);
        var running = await RunningAsync(timeout).ConfigureAwait(false);
        return running.Coordinators.TryGetValue(pipeline, out var coordinator)
            ? coordinator
            : throw new PipelineNotRunningException(pipeline, running.SortedNames());
    }

    /// <summary>How a <see cref="PipelineProbe"/> on <paramref name="coordinator"/> ended: with the status it waited for, or the coordinator's termination.</summary>
    private async Task<PipelineProbe.Outcome> ProbeAsync(string pipeline, IActorRef coordinator, bool stop, TimeSpan timeout, Func<string> timedOut)
    {
        var result = new TaskCompletionSource<PipelineProbe.Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = System.ActorOf(PipelineProbe.Props(coordinator, stop, result), "pipeline-probe-" + Uri.EscapeDataString(pipeline) + "-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            return await result.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(timedOut(), e);
        }
        finally
        {
            System.Stop(probe);
        }
    }

    private static TimeSpan Remaining(Stopwatch started, TimeSpan timeout)
    {
        // A little time even when the deadline passed, so the last step fails with its own message.
        var left = timeout - started.Elapsed;
        return left > TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100);
    }
}
