using Akka.Actor;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// The local end of a <see cref="PipelineHandle"/>: receives the manager's answer and the
/// coordinator's status messages (from whichever node they run on) and updates the handle.
/// </summary>
internal sealed class PipelineWatcher : ReceiveActor
{
    public PipelineWatcher(PipelineHandle handle)
    {
        Receive<PipelineAccepted>(a =>
        {
            handle.Coordinator = a.Coordinator;
            handle.OnAccepted();
        });
        Receive<PipelineRefused>(r =>
        {
            handle.OnFailed(new InvalidOperationException(r.Reason));
            Context.Stop(Self);
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

    public static Props Props(PipelineHandle handle) => Akka.Actor.Props.Create(() => new PipelineWatcher(handle));
}
