namespace Streamline.Runtime.Tasks;

/// <summary>A task's periodic report to its coordinator (counters are totals of the current epoch).</summary>
public sealed record TaskStatusReport(TaskId Task, int Epoch, long RecordsIn, long RecordsOut, double BackpressuredFraction, int BlockedOutputs, long Watermark);
