using Streamline.Samples.Clickstream;
using Xunit;

namespace Streamline.Samples.Tests.Clickstream;

public sealed class ClickstreamGeneratorTests
{
    private static readonly ClickstreamDataset Data = ClickstreamGenerator.Generate();

    private static ClickstreamGeneratorSettings Settings => Data.Settings;

    [Fact]
    public void Is_deterministic_for_a_seed()
    {
        var again = ClickstreamGenerator.Generate();
        var other = ClickstreamGenerator.Generate(new ClickstreamGeneratorSettings { Seed = 7 });

        Assert.Equal(Data.Events.AsEnumerable(), again.Events.AsEnumerable());
        Assert.Equal(Data.Sessions.AsEnumerable(), again.Sessions.AsEnumerable());
        Assert.NotEqual(Data.Events.Select(e => e.View), other.Events.Select(e => e.View));
    }

    [Fact]
    public void Produces_the_requested_number_of_events_with_a_bot_share()
    {
        Assert.Equal(Settings.TotalEvents, Data.Events.Length);
        var botEvents = Data.Events.Where(e => e.IsBot).ToList();
        Assert.All(botEvents, e => Assert.Equal(Data.BotUserId, e.View.UserId));
        Assert.Equal(Settings.BotShare, botEvents.Count / (double)Data.Events.Length, 3);

        var busiest = Data.Events.GroupBy(e => e.View.UserId).MaxBy(g => g.Count())!;
        Assert.Equal(Data.BotUserId, busiest.Key);
    }

    [Fact]
    public void Bot_requests_are_machine_regular()
    {
        var times = Data.Events.Where(e => e.IsBot).Select(e => e.View.EventTime).Order().ToList();

        Assert.All(times.Zip(times.Skip(1)), p => Assert.Equal(Settings.BotInterval, p.Second - p.First));
        Assert.All(Data.Events.Where(e => e.IsBot), e => Assert.Null(e.View.Referrer));
    }

    [Fact]
    public void Humans_follow_a_skewed_user_distribution()
    {
        var perUser = Data.Events.Where(e => !e.IsBot).GroupBy(e => e.View.UserId).Select(g => g.Count()).OrderDescending().ToList();

        Assert.True(perUser[0] > 10 * perUser[perUser.Count / 2], $"top {perUser[0]} vs median {perUser[perUser.Count / 2]}");
    }

    [Fact]
    public void The_hot_page_is_the_most_viewed_human_page()
    {
        var top = Data.Events.Where(e => !e.IsBot && e.View.Step == FunnelStep.Product)
            .GroupBy(e => e.View.Page).OrderByDescending(g => g.Count()).First();

        Assert.Equal(Data.HotPage, top.Key);
    }

    [Fact]
    public void Sessions_are_separated_by_gaps_longer_than_the_session_gap()
    {
        Assert.Equal(Data.Events.Length, Data.Sessions.Sum(s => s.Events));
        foreach (var user in Data.Events.GroupBy(e => e.View.UserId))
        {
            var ordered = user.OrderBy(e => e.View.EventTime).ThenBy(e => e.Sequence).ToList();
            foreach (var (previous, next) in ordered.Zip(ordered.Skip(1)))
            {
                var gap = next.View.EventTime - previous.View.EventTime;
                if (next.SessionIndex == previous.SessionIndex)
                {
                    Assert.True(gap <= Settings.SessionGap / 3, $"{user.Key}: in-session gap {gap}");
                }
                else
                {
                    Assert.Equal(previous.SessionIndex + 1, next.SessionIndex);
                    Assert.True(gap > Settings.SessionGap + TimeSpan.FromSeconds(59), $"{user.Key}: session gap {gap}");
                }
            }
        }

        Assert.Single(Data.Sessions, s => s.IsBot);
        Assert.Contains(Data.Sessions, s => !s.IsBot && s.SessionIndex > 0);
    }

    [Fact]
    public void Arrival_is_out_of_order_within_the_bound_except_for_flagged_late_events()
    {
        var events = Data.Events;
        Assert.Equal(events.Select(e => e.ArrivalTime).Order(), events.Select(e => e.ArrivalTime));
        Assert.Contains(events.Zip(events.Skip(1)), p => p.Second.View.EventTime < p.First.View.EventTime);

        var maxSeen = DateTimeOffset.MinValue;
        foreach (var e in events)
        {
            var late = maxSeen != DateTimeOffset.MinValue && e.View.EventTime < maxSeen - Settings.MaxOutOfOrderness;
            Assert.Equal(late, e.IsLate);
            maxSeen = e.View.EventTime > maxSeen ? e.View.EventTime : maxSeen;
        }

        var lateCount = events.Count(e => e.IsLate);
        Assert.InRange(lateCount, 1, (int)(2 * Settings.LateFraction * events.Length));
        Assert.All(events.Where(e => e.IsLate), e => Assert.True(e.ArrivalTime - e.View.EventTime > Settings.MaxOutOfOrderness));
    }

    [Theory]
    [InlineData("/", FunnelStep.Landing)]
    [InlineData("/category/c01", FunnelStep.Category)]
    [InlineData("/product/p0001", FunnelStep.Product)]
    [InlineData("/cart", FunnelStep.Cart)]
    [InlineData("/checkout", FunnelStep.Checkout)]
    [InlineData("/order/confirmation", FunnelStep.Purchase)]
    [InlineData("/help", FunnelStep.None)]
    public void Funnel_step_is_derived_from_the_page(string page, FunnelStep step) =>
        Assert.Equal(step, FunnelSteps.FromPage(page));

    [Fact]
    public void Human_sessions_reach_every_funnel_step()
    {
        var steps = Data.Events.Where(e => !e.IsBot).Select(e => e.View.Step).ToHashSet();

        Assert.Equal(Enum.GetValues<FunnelStep>().Where(s => s != FunnelStep.None).ToHashSet(), steps);
    }
}
