using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Model;
using Xunit;

namespace Streamline.Nexmark.Tests.Generator;

public sealed class GeneratorConfigTests
{
    [Fact]
    public void Default_is_beams_default_configuration_but_unbounded()
    {
        var c = GeneratorConfig.Default;
        Assert.Equal(1_436_918_400_000, c.BaseTimeMs);
        Assert.Equal(DateTimeOffset.Parse("2015-07-15T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), c.BaseTimeMs);
        Assert.Equal((0L, 0L, 0L), (c.FirstEventId, c.FirstEventNumber, c.MaxEvents));
        Assert.Equal((10_000, 10_000, RateShape.Sine, 600, 100), (c.FirstEventRate, c.NextEventRate, c.RateShape, c.RatePeriodSec, c.NumEventGenerators));
        Assert.Equal((1, 3, 46, 50), (c.PersonProportion, c.AuctionProportion, c.BidProportion, c.TotalProportion));
        Assert.Equal((200, 500, 100), (c.AvgPersonByteSize, c.AvgAuctionByteSize, c.AvgBidByteSize));
        Assert.Equal((2, 4, 4), (c.HotAuctionRatio, c.HotBiddersRatio, c.HotSellersRatio));
        Assert.Equal((1000, 100, 1), (c.NumActivePeople, c.NumInFlightAuctions, c.OutOfOrderGroupSize));
        Assert.False(c.NxfBidderOffsetQuirk);
        Assert.False(c.FractionalInterEventDelay);
        Assert.Equal(long.MaxValue / (50 * 500), c.EffectiveMaxEvents);
        Assert.Equal(10_000.0, c.InterEventDelayUs);
        Assert.Equal(0.8, c.WithEventRate(10_000_000).WithNumEventGenerators(8).WithFractionalInterEventDelay(true).InterEventDelayUs, 12);
    }

    [Fact]
    public void WithX_returns_a_changed_copy_and_leaves_the_original_alone()
    {
        var changed = GeneratorConfig.Default.WithEventRate(50_000).WithNumEventGenerators(8).WithMaxEvents(123);
        Assert.Equal((50_000, 50_000, 8, 123L), (changed.FirstEventRate, changed.NextEventRate, changed.NumEventGenerators, changed.MaxEvents));
        Assert.Equal(10_000, GeneratorConfig.Default.FirstEventRate);
        Assert.Equal(GeneratorConfig.Default.WithMaxEvents(5), GeneratorConfig.Default.WithMaxEvents(5));
        Assert.NotEqual(GeneratorConfig.Default, changed);
    }

    public static TheoryData<string, Func<GeneratorConfig>> InvalidSettings() => new()
    {
        { "MaxEvents", () => GeneratorConfig.Default.WithMaxEvents(-1) },
        { "FirstEventId", () => GeneratorConfig.Default.WithFirstEventId(-5) },
        { "FirstEventNumber", () => GeneratorConfig.Default.WithFirstEventNumber(-5) },
        { "BaseTimeMs", () => GeneratorConfig.Default.WithBaseTime(-1) },
        { "FirstEventRate", () => GeneratorConfig.Default.WithEventRate(0) },
        { "NextEventRate", () => GeneratorConfig.Default.WithNextEventRate(-10) },
        { "RatePeriodSec", () => GeneratorConfig.Default.WithRatePeriodSec(0) },
        { "RateShape", () => GeneratorConfig.Default.WithRateShape((RateShape)7) },
        { "NumEventGenerators", () => GeneratorConfig.Default.WithNumEventGenerators(0) },
        { "PersonProportion", () => GeneratorConfig.Default.WithProportions(0, 3, 46) },
        { "AuctionProportion", () => GeneratorConfig.Default.WithProportions(1, 0, 46) },
        { "BidProportion", () => GeneratorConfig.Default.WithProportions(1, 3, -1) },
        { "AvgBidByteSize", () => GeneratorConfig.Default.WithAvgByteSizes(200, 500, 0) },
        { "HotAuctionRatio", () => GeneratorConfig.Default.WithHotAuctionRatio(0) },
        { "HotBiddersRatio", () => GeneratorConfig.Default.WithHotBiddersRatio(0) },
        { "HotSellersRatio", () => GeneratorConfig.Default.WithHotSellersRatio(0) },
        { "NumActivePeople", () => GeneratorConfig.Default.WithNumActivePeople(0) },
        { "NumInFlightAuctions", () => GeneratorConfig.Default.WithNumInFlightAuctions(0) },
        { "OutOfOrderGroupSize", () => GeneratorConfig.Default.WithOutOfOrderGroupSize(0) },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_values_are_rejected_with_the_field_name_and_value(string field, Func<GeneratorConfig> build)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(build);
        Assert.Equal(field, e.ParamName);
        Assert.Contains("GeneratorConfig." + field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rates_beams_integer_timing_cannot_express_need_fractional_delays()
    {
        var tooFast = GeneratorConfig.Default.WithEventRate(10_000_000);
        var e = Assert.Throws<ArgumentException>(() => new NexmarkGenerator(tooFast));
        Assert.Contains("10000000", e.Message, StringComparison.Ordinal);
        Assert.Contains("FractionalInterEventDelay", e.Message, StringComparison.Ordinal);

        var nxf = tooFast.WithFractionalInterEventDelay(true).WithNumEventGenerators(8);
        Assert.Same(nxf, nxf.Validate());
    }

    [Fact]
    public void Fractional_delays_follow_nxf_timing()
    {
        // NXF V1: 10 M events/s over 8 generators -> 0.8 µs per event on each timeline.
        var config = GeneratorConfig.Default.WithEventRate(10_000_000).WithNumEventGenerators(8)
            .WithFractionalInterEventDelay(true).WithMaxEvents(5_000);
        var generator = new NexmarkGenerator(config);
        foreach (long position in new[] { 0, 1_249, 1_250, 2_500, 4_999 })
        {
            Assert.Equal(config.BaseTimeMs + ((long)(position * 0.8) / 1000), generator.EventAt(position).Timestamp);
        }
    }

    [Fact]
    public void Fractional_delays_refuse_a_rate_shape()
    {
        var config = GeneratorConfig.Default.WithFractionalInterEventDelay(true).WithNextEventRate(20_000);
        var e = Assert.Throws<ArgumentException>(config.Validate);
        Assert.Contains("NextEventRate=20000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_proportions_keep_the_block_pattern()
    {
        var config = GeneratorConfig.Default.WithProportions(2, 1, 3).WithMaxEvents(600);
        var kinds = NexmarkGenerator.Generate(config).Select(e => e.Kind).ToList();
        for (var i = 0; i < kinds.Count; i++)
        {
            var expected = (i % 6) switch
            {
                < 2 => EventKind.Person,
                < 3 => EventKind.Auction,
                _ => EventKind.Bid,
            };
            Assert.Equal(expected, kinds[i]);
        }

        var people = NexmarkGenerator.Generate(config).Where(e => e.Kind == EventKind.Person).Select(e => e.AsPerson().Id);
        Assert.Equal(Enumerable.Range(1000, 200).Select(i => (long)i), people);
    }
}
