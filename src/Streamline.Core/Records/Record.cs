namespace Streamline.Core.Records;

/// <summary>
/// One element of a stream: a value with its event timestamp (milliseconds since the Unix epoch)
/// and optional headers. A struct so batches of records are one contiguous array.
/// </summary>
public readonly record struct Record<T>(T Value, long Timestamp, RecordHeaders? Headers = null)
{
    public Record<TOut> With<TOut>(TOut value) => new(value, Timestamp, Headers);
}
