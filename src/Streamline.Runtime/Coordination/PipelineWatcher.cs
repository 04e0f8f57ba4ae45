using Akka.Actor;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// The local end of a <see cref="PipelineHandle"/>: receives the manager's answer and the
/// coordinator's status messages (from whichever node they run on) and updates the handle. When
/// the coordinator's node goes away, it finds the coordinator the manager starts elsewhere.
/// </summary>
internal sealed class PipelineWatcher : ReceiveActor, IWithTimers
{
    private const string Rewatch = "rewatch";
    private static readonly TimeSpan RewatchInterval = TimeSpan.FromSeconds(1);
    private const int MaxRewatches = 120;
    private IActorRef? _coordinator;
    private int _rewatches;

    public PipelineWatcher(PipelineHandle handle, IActorRef manager)
    {
        Receive<PipelineAccepted>(a =>
        {
            if (_coordinator is not null) Context.Unwatch(_coordinator);
            _coordinator = a.Coordinator;
            Context.Watch(a.Coordinator);
            Timers.Cancel(Rewatch);
            _rewatches = 0;
            handle.Coordinator = a.Coordinator;
            handle.OnAccepted();
        });
        Receive<PipelineRefused>(r =>
        {
            // Not yet running again elsewhere while re-watching: the timer asks again.
            if (_coordinator is not null) return;
            handle.OnFailed(r.AlreadyRunning ? new PipelineAlreadyRunningException(r.Reason) : new InvalidOperationException(r.Reason));
            Context.Stop(Self);
        });
        Receive<Terminated>(t =>
        {
            if (!t.ActorRef.Equals(_coordinator)) return;
            Timers.StartPeriodicTimer(Rewatch, Rewatch, RewatchInterval);
        });
        Receive<string>(_ =>
        {
            if (++_rewatches > MaxRewatches)
            {
                handle.OnFailed(new InvalidOperationException($"lost contact with the coordinator of pipeline '{handle.Name}' for {RewatchInterval * MaxRewatches}; it is no longer running in the cluster"));
                Context.Stop(Self);
                return;
            }
            manager.Tell(new WatchPipeline(handle.Name, Self));
        });
        Receive<PipelineStatus>(status =>
        {
            handle.OnStatus(status);
            switch (status.State)
            {
                case PipelineState.Running:
                    handle.OnAllStarted();
                    break;
                case PipelineState.Finished:
                    handle.OnFinished();
                    Context.Stop(Self);
                    break;
                case PipelineState.Failed:
                    handle.OnFailed(new InvalidOperationException(status.Failure ?? $"pipeline '{status.Pipeline}' failed"));
                    Context.Stop(Self);
                    break;
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(PipelineHandle handle, IActorRef manager) => Akka.Actor.Props.Create(() => new PipelineWatcher(handle, manager));
}
