namespace Streamline.Runtime.Tasks;

/// <summary>Stops a task's sources so the task drains what they emitted and finishes (a clean pipeline stop).</summary>
public sealed record DrainTask(TaskId Task, int Epoch);
