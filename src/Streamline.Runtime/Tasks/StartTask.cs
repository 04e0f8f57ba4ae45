using Akka.Actor;

namespace Streamline.Runtime.Tasks;

/// <summary>Deploys a task: its entity materializes the vertex's stages and reports to <see cref="Coordinator"/>.</summary>
public sealed record StartTask(TaskId Task, IActorRef Coordinator);
