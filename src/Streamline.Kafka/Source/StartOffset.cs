using System.Globalization;

namespace Streamline.Kafka.Source;

/// <summary>Where a source starts reading a partition: an explicit offset or a logical position.</summary>
public sealed record StartOffset
{
    private StartOffset(StartOffsetKind kind, long offset)
    {
        Kind = kind;
        Offset = offset;
    }

    public StartOffsetKind Kind { get; }

    /// <summary>The explicit offset when <see cref="Kind"/> is <see cref="StartOffsetKind.Offset"/>.</summary>
    public long Offset { get; }

    public static StartOffset Earliest { get; } = new(StartOffsetKind.Earliest, -1);

    public static StartOffset Latest { get; } = new(StartOffsetKind.Latest, -1);

    /// <summary>The consumer group's committed offset; <c>auto.offset.reset</c> (default earliest) when none.</summary>
    public static StartOffset Committed { get; } = new(StartOffsetKind.Committed, -1);

    public static StartOffset At(long offset) =>
        offset >= 0
            ? new(StartOffsetKind.Offset, offset)
            : throw new ArgumentOutOfRangeException(nameof(offset), offset, "an explicit start offset must be 0 or greater.");

    /// <summary>Parses "earliest", "latest", "committed" or a non-negative offset.</summary>
    public static StartOffset Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "earliest" => Earliest,
            "latest" => Latest,
            "committed" => Committed,
            var s when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) => At(offset),
            _ => throw new FormatException($"'{text}' is not a start offset: use earliest, latest, committed or an offset >= 0."),
        };
    }

    public override string ToString() => Kind == StartOffsetKind.Offset ? Offset.ToString(CultureInfo.InvariantCulture) : Kind.ToString().ToLowerInvariant();
}
