using Streamline.Nexmark.Generator.Internal;

namespace Streamline.Nexmark.Generator;

/// <summary>
/// When, in wall-clock time, each event should be emitted by a rate-limited source (Beam's
/// <c>wallclockTimestamp</c>): <c>wallClockBase + (eventTime(FirstEventNumber + position) − BaseTime)</c>.
/// Uses the un-permuted event number, so emission times never go backwards. The latency of a
/// result is best measured against this instant (NEXMARK.md §1.4, §4).
/// </summary>
public sealed class WallClockSchedule
{
    private readonly EventTimeline _timeline;
    private readonly long _firstEventNumber;
    private readonly long _baseTimeMs;

    public WallClockSchedule(GeneratorConfig config, long wallClockBaseMs)
    {
        ArgumentNullException.ThrowIfNull(config);
        _timeline = new EventTimeline(config);
        _firstEventNumber = config.FirstEventNumber;
        _baseTimeMs = config.BaseTimeMs;
        WallClockBaseMs = wallClockBaseMs;
    }

    /// <summary>Wall-clock instant (ms since the Unix epoch) at which position 0 is due.</summary>
    public long WallClockBaseMs { get; }

    /// <summary>A schedule whose first event is due now, according to <paramref name="timeProvider"/> (default: system clock).</summary>
    public static WallClockSchedule StartingNow(GeneratorConfig config, TimeProvider? timeProvider = null) =>
        new(config, (timeProvider ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Wall-clock due time (ms since the Unix epoch) of the event at <paramref name="position"/> (see <see cref="NexmarkGenerator.Position"/>).</summary>
    public long DueTimeMs(long position) =>
        WallClockBaseMs + (_timeline.TimestampOf(_firstEventNumber + position) - _baseTimeMs);

    public DateTimeOffset DueTime(long position) => DateTimeOffset.FromUnixTimeMilliseconds(DueTimeMs(position));

    /// <summary>How long a source should wait before emitting <paramref name="position"/>; zero when already due.</summary>
    public TimeSpan DelayUntilDue(long position, DateTimeOffset now)
    {
        var waitMs = DueTimeMs(position) - now.ToUnixTimeMilliseconds();
        return waitMs > 0 ? TimeSpan.FromMilliseconds(waitMs) : TimeSpan.Zero;
    }

    public TimeSpan DelayUntilDue(long position, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DelayUntilDue(position, timeProvider.GetUtcNow());
    }
}
