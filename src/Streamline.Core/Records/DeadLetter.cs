namespace Streamline.Core.Records;

/// <summary>
/// A record that could not be processed, with its raw bytes and the reason. Sources and
/// operators route these to the pipeline's dead-letter output instead of dropping or crashing.
/// </summary>
public sealed record DeadLetter(
    string Origin,
    string Reason,
    byte[]? Key,
    byte[]? Value,
    string? Topic = null,
    int? Partition = null,
    long? Offset = null,
    long Timestamp = 0)
{
    public override string ToString()
    {
        var where = Topic is null ? Origin : $"{Origin} topic '{Topic}' partition {Partition} offset {Offset}";
        return $"{where}: {Reason}";
    }
}
