namespace Streamline.Runtime.Tasks;

/// <summary>A running task stopped without finishing (its node left or its shard moved).</summary>
public sealed record TaskLost(TaskId Task, int Epoch);
