using Akka.Actor;

namespace Streamline.Runtime.Tasks;

/// <summary>
/// Deploys a task: its entity materializes the vertex's stages and reports to <see cref="Coordinator"/>.
/// <see cref="Epoch"/> counts (re)deployments of the pipeline; channels of older epochs are ignored.
/// <see cref="Restore"/> names the checkpoint whose state the task starts from (null: fresh start).
/// </summary>
public sealed record StartTask(TaskId Task, IActorRef Coordinator, int Epoch = 0, RestoreFrom? Restore = null);
