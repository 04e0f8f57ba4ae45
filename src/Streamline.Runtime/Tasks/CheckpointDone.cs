namespace Streamline.Runtime.Tasks;

/// <summary>
/// The coordinator's verdict on a checkpoint, sent to every task: committed (sources make their
/// positions visible, e.g. commit offsets to Kafka) or aborted (tasks drop what they assembled).
/// </summary>
public sealed record CheckpointDone(TaskId Task, int Epoch, long CheckpointId, bool Committed);
