using Streamline.Nexmark.Generator;
using Xunit;

namespace Streamline.Nexmark.Tests.Generator;

public sealed class WallClockScheduleTests
{
    private const long WallBase = 1_700_000_000_000;

    [Fact]
    public void Events_are_due_at_the_wall_clock_base_plus_their_event_time_offset()
    {
        var schedule = new WallClockSchedule(GeneratorConfig.Default, WallBase);
        Assert.Equal(WallBase, schedule.DueTimeMs(0));
        Assert.Equal(WallBase + 10, schedule.DueTimeMs(1));
        Assert.Equal(WallBase + 10_000, schedule.DueTimeMs(1_000));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(WallBase + 20), schedule.DueTime(2));
    }

    [Fact]
    public void The_overall_rate_is_the_configured_rate_divided_over_the_generators()
    {
        var config = GeneratorConfig.Default.WithEventRate(1_000).WithNumEventGenerators(4);
        var schedule = new WallClockSchedule(config, WallBase);

        // Each of 4 generators emits 250 events/s: 4 ms apart.
        Assert.Equal(WallBase + 1_000, schedule.DueTimeMs(250));
    }

    [Fact]
    public void Due_times_follow_the_generator_position_and_ignore_out_of_order_permutation()
    {
        var config = GeneratorConfig.Default.WithOutOfOrderGroupSize(5).WithMaxEvents(1_000);
        var schedule = new WallClockSchedule(config, WallBase);
        var generator = new NexmarkGenerator(config);
        var previous = long.MinValue;
        while (generator.HasNext)
        {
            var due = schedule.DueTimeMs(generator.Position);
            Assert.True(due >= previous);
            Assert.True(generator.Watermark - config.BaseTimeMs <= due - WallBase);
            previous = due;
            generator.NextEvent();
        }
    }

    [Fact]
    public void DelayUntilDue_is_the_remaining_wait_and_zero_when_late()
    {
        var schedule = new WallClockSchedule(GeneratorConfig.Default, WallBase);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(WallBase + 25);
        Assert.Equal(TimeSpan.FromMilliseconds(75), schedule.DelayUntilDue(10, now));
        Assert.Equal(TimeSpan.Zero, schedule.DelayUntilDue(2, now));
        Assert.Equal(TimeSpan.Zero, schedule.DelayUntilDue(0, new FixedTime(now)));
    }

    [Fact]
    public void StartingNow_anchors_the_first_event_at_the_time_providers_now()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(WallBase + 123);
        var schedule = WallClockSchedule.StartingNow(GeneratorConfig.Default, new FixedTime(now));
        Assert.Equal(WallBase + 123, schedule.WallClockBaseMs);
        Assert.Equal(TimeSpan.FromMilliseconds(30), schedule.DelayUntilDue(3, new FixedTime(now)));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
