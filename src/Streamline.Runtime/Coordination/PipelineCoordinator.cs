using Akka.Actor;
using Streamline.Core.Graph.Physical;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// Deploys every task of one pipeline through the shard region, tracks where each runs and when
/// it finishes, and completes the handle's tasks accordingly.
/// </summary>
public sealed class PipelineCoordinator : ReceiveActor
{
    private readonly Dictionary<TaskId, Address> _placement = new();
    private readonly HashSet<TaskId> _finished = new();
    private int _epoch;

    public PipelineCoordinator(PhysicalPlan plan, IActorRef region, PipelineHandle handle)
    {
        var tasks = plan.Vertices.SelectMany(v => Enumerable.Range(0, v.Parallelism).Select(i => new TaskId(plan.Definition.Name, v.Id, i))).ToList();
        foreach (var task in tasks) region.Tell(new TaskEnvelope(task, new StartTask(task, Self, _epoch)));

        Receive<TaskLost>(lost =>
        {
            if (lost.Epoch != _epoch) return;
            // A task's node left: stop every task and deploy the pipeline again. Without checkpoints
            // the sources restart from their configured start offsets (at-least-once, duplicates possible).
            _epoch++;
            handle.OnRestart(lost.Task);
            _placement.Clear();
            _finished.Clear();
            foreach (var task in tasks) region.Tell(new TaskEnvelope(task, new StopTask(task)));
            foreach (var task in tasks) region.Tell(new TaskEnvelope(task, new StartTask(task, Self, _epoch)));
        });
        Receive<TaskStarted>(s =>
        {
            if (s.Epoch != _epoch) return;
            _placement[s.Task] = s.Node;
            handle.OnPlacement(new Dictionary<TaskId, Address>(_placement));
            if (_placement.Count == tasks.Count) handle.OnAllStarted();
        });
        Receive<TaskFinished>(f =>
        {
            if (f.Epoch != _epoch) return;
            if (f.Failure is not null)
            {
                handle.OnFailed(new InvalidOperationException($"task {f.Task} failed: {f.Failure}"));
                Context.Stop(Self);
                return;
            }
            _finished.Add(f.Task);
            if (_finished.Count == tasks.Count)
            {
                handle.OnFinished();
                Context.Stop(Self);
            }
        });
    }

    public static Props Props(PhysicalPlan plan, IActorRef region, PipelineHandle handle) =>
        Akka.Actor.Props.Create(() => new PipelineCoordinator(plan, region, handle));
}
