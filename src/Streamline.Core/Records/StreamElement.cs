namespace Streamline.Core.Records;

/// <summary>
/// What flows between operator stages: either a <see cref="RecordBatch{T}"/> or a
/// <see cref="ControlElement{T}"/> (watermark, checkpoint barrier, flush, end of input).
/// Records move in batches so per-element stage overhead is paid once per batch.
/// </summary>
public abstract class StreamElement<T>
{
    private protected StreamElement() { }
}
