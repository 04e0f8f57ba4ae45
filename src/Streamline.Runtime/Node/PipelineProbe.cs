using Akka.Actor;
using Streamline.Runtime.Coordination;

namespace Streamline.Runtime.Node;

/// <summary>
/// A short-lived subscriber to one coordinator, for an operation asked on any node: it completes
/// with the first status (a status query), or, after asking the coordinator to stop the pipeline,
/// with the final one (Finished or Failed). Without one when the coordinator terminated first; the
/// caller then asks the manager what happened. Stopping this actor unsubscribes it (the coordinator
/// watches its subscribers).
/// </summary>
internal sealed class PipelineProbe : ReceiveActor
{
    private readonly IActorRef _coordinator;
    private readonly bool _stop;
    private bool _heard;

    /// <summary>
    /// The status that ended the wait, or null when the coordinator terminated before it; then
    /// <see cref="Heard"/> tells whether it had answered at all. A coordinator publishes its final
    /// status before it stops, and that arrives before its termination: terminated after answering
    /// but without a final status, it crashed or its node went away.
    /// </summary>
    public sealed record Outcome(PipelineStatus? Status, bool Heard);

    public PipelineProbe(IActorRef coordinator, bool stop, TaskCompletionSource<Outcome> result)
    {
        _coordinator = coordinator;
        _stop = stop;
        Receive<PipelineStatus>(status =>
        {
            _heard = true;
            // While stopping, the statuses before the last say Running or Stopping: keep waiting.
            if (stop && status.State is not (PipelineState.Finished or PipelineState.Failed)) return;
            result.TrySetResult(new Outcome(status, Heard: true));
            Context.Stop(Self);
        });
        Receive<Terminated>(t =>
        {
            if (!t.ActorRef.Equals(coordinator)) return;
            result.TrySetResult(new Outcome(null, _heard));
            Context.Stop(Self);
        });
    }

    public static Props Props(IActorRef coordinator, bool stop, TaskCompletionSource<Outcome> result) =>
        Akka.Actor.Props.Create(() => new PipelineProbe(coordinator, stop, result));

    protected override void PreStart()
    {
        Context.Watch(_coordinator);
        // Subscribing makes the coordinator publish its current status at once. The stop follows
        // from the same sender, so the coordinator handles it after the subscription.
        _coordinator.Tell(new SubscribePipeline(Self));
        if (_stop) _coordinator.Tell(StopPipeline.Instance);
    }
}
