namespace Streamline.Core.State;

/// <summary>Options of a keyed state: an optional time-to-live measured in processing time.</summary>
public sealed record StateOptions(TimeSpan? TimeToLive = null)
{
    public static readonly StateOptions Default = new();

    public long TtlMillis => TimeToLive is { } ttl
        ? ttl > TimeSpan.Zero ? (long)ttl.TotalMilliseconds : throw new ArgumentOutOfRangeException(nameof(TimeToLive), ttl, "a state TTL must be positive")
        : long.MaxValue;
}
