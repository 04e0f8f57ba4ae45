namespace Streamline.Runtime.Tasks;

/// <summary>Stops a task's stages (the pipeline restarts or stops); the entity passivates itself.</summary>
public sealed record StopTask(TaskId Task);
