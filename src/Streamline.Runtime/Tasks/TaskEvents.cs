using Akka.Actor;

namespace Streamline.Runtime.Tasks;

/// <summary>A task materialized its stages on <see cref="Node"/>.</summary>
public sealed record TaskStarted(TaskId Task, Address Node, int Epoch = 0);

/// <summary>A task's stages completed (bounded input) or failed.</summary>
public sealed record TaskFinished(TaskId Task, string? Failure, int Epoch = 0);
