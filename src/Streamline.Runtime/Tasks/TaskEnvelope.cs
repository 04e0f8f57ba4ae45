namespace Streamline.Runtime.Tasks;

/// <summary>A message for the task entity <see cref="Task"/>, routed by cluster sharding.</summary>
public sealed record TaskEnvelope(TaskId Task, object Message);
