using System.Text.RegularExpressions;
using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Model;
using Xunit;

namespace Streamline.Nexmark.Tests.Generator;

/// <summary>NEXMARK.md §1.3–§1.7 invariants over a 100 000-event (Beam SMOKE sized) run.</summary>
public sealed partial class GeneratorInvariantTests
{
    private const int Events = 100_000;
    private static readonly GeneratorConfig Config = GeneratorConfig.Default.WithMaxEvents(Events);
    private static readonly IReadOnlyList<NexmarkEvent> Stream = NexmarkGenerator.Generate(Config).ToList();

    [Fact]
    public void A_bounded_config_yields_exactly_MaxEvents_events()
    {
        Assert.Equal(Events, Stream.Count);
        var generator = new NexmarkGenerator(Config.WithMaxEvents(3));
        generator.NextEvent();
        generator.NextEvent();
        generator.NextEvent();
        Assert.False(generator.HasNext);
        Assert.False(generator.TryNextEvent(out _));
        Assert.Throws<InvalidOperationException>(() => generator.NextEvent());
    }

    [Fact]
    public void Every_block_of_50_ids_is_1_person_then_3_auctions_then_46_bids()
    {
        for (var i = 0; i < Stream.Count; i++)
        {
            var expected = (i % 50) switch
            {
                0 => EventKind.Person,
                < 4 => EventKind.Auction,
                _ => EventKind.Bid,
            };
            Assert.Equal(expected, Stream[i].Kind);
        }

        Assert.Equal(Events / 50, Stream.Count(e => e.Kind == EventKind.Person));
        Assert.Equal(Events * 3 / 50, Stream.Count(e => e.Kind == EventKind.Auction));
        Assert.Equal(Events * 46 / 50, Stream.Count(e => e.Kind == EventKind.Bid));
    }

    [Fact]
    public void Person_and_auction_ids_are_consecutive_from_1000()
    {
        Assert.Equal(
            Enumerable.Range(1000, Events / 50).Select(i => (long)i),
            Stream.Where(e => e.Kind == EventKind.Person).Select(e => e.AsPerson().Id));
        Assert.Equal(
            Enumerable.Range(1000, Events * 3 / 50).Select(i => (long)i),
            Stream.Where(e => e.Kind == EventKind.Auction).Select(e => e.AsAuction().Id));
    }

    [Fact]
    public void Bids_and_sellers_refer_to_recent_or_at_most_ten_future_entities()
    {
        long lastPerson = 999, lastAuction = 999;
        foreach (var e in Stream)
        {
            switch (e.Kind)
            {
                case EventKind.Person:
                    lastPerson = e.AsPerson().Id;
                    break;
                case EventKind.Auction:
                    var auction = e.AsAuction();
                    lastAuction = auction.Id;
                    AssertRecentPerson(auction.Seller, lastPerson);
                    break;
                default:
                    var bid = e.AsBid();
                    Assert.InRange(bid.Auction, Math.Max(1000, lastAuction - Config.NumInFlightAuctions), lastAuction + 10);
                    AssertRecentPerson(bid.Bidder, lastPerson);
                    break;
            }
        }

        static void AssertRecentPerson(long id, long lastPerson) =>
            Assert.InRange(id, Math.Max(1000, lastPerson + 1 - Config.NumActivePeople), lastPerson + 10);
    }

    [Fact]
    public void Hot_auction_bidder_and_seller_shares_are_one_half_three_quarters_three_quarters()
    {
        var bids = Stream.Where(e => e.Kind == EventKind.Bid).Select(e => e.AsBid()).ToList();
        var auctions = Stream.Where(e => e.Kind == EventKind.Auction).Select(e => e.AsAuction()).ToList();

        // Hot entity = first (bidder: second) id of the current block of 100; base-0 last ids follow
        // from the event's position: event time is 10 ms per position from the base time.
        long Position(long timestamp) => (timestamp - Config.BaseTimeMs) / 10;
        double hotAuctions = bids.Count(b => b.Auction == 1000 + ((Position(b.DateTime) / 50 * 3) + 2) / 100 * 100);
        double hotBidders = bids.Count(b => b.Bidder == 1000 + (Position(b.DateTime) / 50 / 100 * 100) + 1);
        double hotSellers = auctions.Count(a => a.Seller == 1000 + (Position(a.DateTime) / 50 / 100 * 100));

        // Random picks hit the hot id by chance ~1/111 resp. ~1/1010 of the time.
        Assert.InRange(hotAuctions / bids.Count, 0.49, 0.53);
        Assert.InRange(hotBidders / bids.Count, 0.74, 0.77);
        Assert.InRange(hotSellers / auctions.Count, 0.72, 0.78);
    }

    [Fact]
    public void Timestamps_advance_10ms_per_event_from_the_beam_base_time()
    {
        for (var i = 0; i < Stream.Count; i++)
        {
            Assert.Equal(GeneratorConfig.BeamBaseTimeMs + (10L * i), Stream[i].Timestamp);
        }
    }

    [Fact]
    public void Out_of_order_timestamps_stay_within_their_group_and_never_precede_the_watermark()
    {
        const int group = 5;
        var generator = new NexmarkGenerator(Config.WithOutOfOrderGroupSize(group).WithMaxEvents(10_000));
        var previousWatermark = long.MinValue;
        var sawDisorder = false;
        var previousTimestamp = long.MinValue;
        while (generator.HasNext)
        {
            var position = generator.Position;
            var watermark = generator.Watermark;
            var e = generator.NextEvent();
            Assert.True(watermark >= previousWatermark, $"watermark went back at {position}");
            Assert.True(e.Timestamp >= watermark, $"event {position} precedes the watermark");
            Assert.True(e.Timestamp < watermark + (group * 10L), $"event {position} is beyond its group");
            Assert.Equal(GeneratorConfig.BeamBaseTimeMs + (position / group * group * 10), watermark);
            sawDisorder |= e.Timestamp < previousTimestamp;
            previousWatermark = watermark;
            previousTimestamp = e.Timestamp;
        }

        Assert.True(sawDisorder);
        Assert.Equal(long.MaxValue, generator.Watermark);
    }

    [Fact]
    public void Out_of_order_groups_permute_the_ids_of_each_group()
    {
        const int group = 5;
        var inOrder = NexmarkGenerator.Generate(Config.WithMaxEvents(700)).ToList();
        var shuffled = NexmarkGenerator.Generate(Config.WithOutOfOrderGroupSize(group).WithMaxEvents(700)).ToList();
        Assert.NotEqual(inOrder, shuffled);
        for (var start = 0; start < 700; start += group)
        {
            var expected = inOrder.Skip(start).Take(group).Select(GoldenFormat.Line).Order();
            var actual = shuffled.Skip(start).Take(group).Select(GoldenFormat.Line).Order();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Field_values_have_the_specified_shapes()
    {
        string[] states = ["AZ", "CA", "ID", "OR", "WA", "WY"];
        foreach (var e in Stream)
        {
            switch (e.Kind)
            {
                case EventKind.Person:
                    var p = e.AsPerson();
                    Assert.Matches(CreditCard(), p.CreditCard);
                    Assert.Matches(Email(), p.EmailAddress);
                    Assert.Matches(Name(), p.Name);
                    Assert.Contains(p.State, states);
                    break;
                case EventKind.Auction:
                    var a = e.AsAuction();
                    Assert.InRange(a.Category, 10, 14);
                    Assert.True(a.Expires > a.DateTime);
                    Assert.True(a.Reserve > a.InitialBid);
                    Assert.InRange(a.ItemName.Length, 0, 19);
                    Assert.InRange(a.Description.Length, 0, 99);
                    break;
                default:
                    var b = e.AsBid();
                    Assert.InRange(b.Extra.Length, 54, 81);
                    Assert.InRange(b.Price, 100, 100_000_000);
                    break;
            }
        }
    }

    [Fact]
    public void Prices_are_log_uniform_with_a_median_near_1000_dollars()
    {
        var prices = Stream.Where(e => e.Kind == EventKind.Bid).Select(e => e.AsBid().Price).Order().ToList();
        Assert.InRange(prices[prices.Count / 2], 90_000, 110_000);
        Assert.InRange(prices[prices.Count / 4], 2_700, 3_900);
    }

    [Fact]
    public void Records_average_their_configured_byte_sizes()
    {
        var persons = Stream.Where(e => e.Kind == EventKind.Person).Select(e => e.AsPerson()).ToList();
        var auctions = Stream.Where(e => e.Kind == EventKind.Auction).Select(e => e.AsAuction()).ToList();
        var personSize = persons.Average(p =>
            8 + p.Name.Length + p.EmailAddress.Length + p.CreditCard.Length + p.City.Length + p.State.Length + p.Extra.Length);
        var auctionSize = auctions.Average(a => 8 + a.ItemName.Length + a.Description.Length + 40 + a.Extra.Length);
        Assert.InRange(personSize, 195, 205);
        Assert.InRange(auctionSize, 490, 510);
    }

    [Fact]
    public void Channels_are_half_hot_with_fixed_urls_and_cold_urls_carry_the_reversed_channel_id()
    {
        var bids = Stream.Where(e => e.Kind == EventKind.Bid).Select(e => e.AsBid()).ToList();
        string[] hot = ["Google", "Facebook", "Baidu", "Apple"];
        var hotShare = bids.Count(b => hot.Contains(b.Channel)) / (double)bids.Count;
        Assert.InRange(hotShare, 0.49, 0.51);

        foreach (var group in bids.GroupBy(b => b.Channel))
        {
            Assert.Single(group.Select(b => b.Url).Distinct());
            var url = group.First().Url;
            Assert.StartsWith("https://www.nexmark.com/", url);
            Assert.Contains("/item.htm?query=1", url);
            if (!hot.Contains(group.Key))
            {
                var match = ColdChannel().Match(group.Key);
                Assert.True(match.Success, group.Key);
                var n = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(n, 0, 9999);
                if (url.Contains("&channel_id=", StringComparison.Ordinal))
                {
                    var reversed = (int)ReverseBits((uint)n);
                    var expected = reversed == int.MinValue ? int.MinValue : Math.Abs(reversed);
                    Assert.EndsWith("&channel_id=" + expected.ToString(System.Globalization.CultureInfo.InvariantCulture), url);
                }
            }
        }
    }

    [Fact]
    public void Same_config_gives_the_same_events_and_a_different_first_id_does_not()
    {
        var again = NexmarkGenerator.Generate(Config).Take(5_000).ToList();
        Assert.Equal(Stream.Take(5_000), again);

        var shifted = NexmarkGenerator.Generate(Config.WithFirstEventId(50)).Take(50).ToList();
        Assert.NotEqual(Stream.Take(50), shifted);
    }

    [Fact]
    public void Nxf_bidder_quirk_adds_the_person_offset_a_second_time_and_changes_nothing_else()
    {
        var quirky = NexmarkGenerator.Generate(Config.WithNxfBidderOffsetQuirk(true)).Take(2_000).ToList();
        for (var i = 0; i < quirky.Count; i++)
        {
            if (Stream[i].Kind == EventKind.Bid)
            {
                var plain = Stream[i].AsBid();
                Assert.Equal(plain with { Bidder = plain.Bidder + 1000 }, quirky[i].AsBid());
            }
            else
            {
                Assert.Equal(Stream[i], quirky[i]);
            }
        }
    }

    [Fact]
    public void EventAt_is_random_access_into_the_same_sequence()
    {
        var generator = new NexmarkGenerator(Config);
        foreach (var position in new[] { 0, 1, 49, 50, 4_321, Events - 1 })
        {
            Assert.Equal(Stream[position], generator.EventAt(position));
        }

        Assert.Equal(0, generator.Position);
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.EventAt(Events));
    }

    [Fact]
    public void NextEventId_reports_the_seed_of_the_next_event()
    {
        var generator = new NexmarkGenerator(Config.WithFirstEventId(7).WithFirstEventNumber(3));
        Assert.Equal(10, generator.NextEventId);
        generator.NextEvent();
        Assert.Equal(11, generator.NextEventId);
    }

    private static uint ReverseBits(uint v)
    {
        uint r = 0;
        for (var i = 0; i < 32; i++)
        {
            r = (r << 1) | ((v >> i) & 1);
        }

        return r;
    }

    [GeneratedRegex(@"^\d{4} \d{4} \d{4} \d{4}$")]
    private static partial Regex CreditCard();

    [GeneratedRegex(@"^[a-z ]*@[a-z ]*\.com$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^[A-Z][a-z]+ [A-Z][a-z]+$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^channel-(\d+)$")]
    private static partial Regex ColdChannel();
}
