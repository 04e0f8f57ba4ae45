namespace Streamline.Core.Records;

/// <summary>
/// Signals that flow in-band with records. Multi-input stages align them: a watermark is the
/// minimum over inputs; barriers and flushes are forwarded once every input delivered them.
/// </summary>
public abstract record ControlSignal;

/// <summary>No record with a timestamp at or below <see cref="Timestamp"/> is expected any more.</summary>
public sealed record Watermark(long Timestamp) : ControlSignal
{
    public static readonly Watermark MaxValue = new(long.MaxValue);
}

/// <summary>
/// Marks a consistent cut of the stream for checkpoint <see cref="CheckpointId"/>; a savepoint's
/// barrier says so, so every task stores its state where savepoints are kept (until deleted).
/// </summary>
public sealed record CheckpointBarrier(long CheckpointId, long Timestamp, bool IsSavepoint = false) : ControlSignal;

/// <summary>
/// A synchronisation marker: when it reaches every sink, every earlier element has been
/// processed. The test harness uses it to wait for quiescence without sleeping.
/// </summary>
public sealed record FlushMarker(long Sequence) : ControlSignal;

/// <summary>Virtual processing time advanced in-band (test harness); live runs use the wall clock.</summary>
public sealed record ProcessingTimeAdvance(long Timestamp) : ControlSignal;

/// <summary>The input is temporarily idle (true) or active again (false); idle inputs do not hold back watermarks.</summary>
public sealed record IdleStatus(bool Idle) : ControlSignal;
