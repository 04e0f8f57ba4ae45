namespace Streamline.Nexmark.Generator;

/// <summary>
/// Immutable parameters of the Nexmark generator (NEXMARK.md §1.2). <see cref="Default"/> is Beam's
/// default configuration, except that <see cref="MaxEvents"/> is 0 (unbounded). Every
/// <c>WithX</c> returns a validated copy; cross-field rules are checked by <see cref="Validate"/>,
/// which the generator calls when it is created.
/// </summary>
public sealed record GeneratorConfig
{
    public const long FirstPersonId = 1000;
    public const long FirstAuctionId = 1000;
    public const long FirstCategoryId = 10;
    public const int NumCategories = 5;

    /// <summary>Random person picks may name up to this many not-yet-generated people.</summary>
    public const int PersonIdLead = 10;

    /// <summary>Random auction picks may name up to this many not-yet-generated auctions.</summary>
    public const int AuctionIdLead = 10;

    /// <summary>The hot seller/bidder/auction is the first (bidder: second) id of each block of this size.</summary>
    public const int HotBlockSize = 100;

    /// <summary>2015-07-15T00:00:00Z, Beam's deterministic base time.</summary>
    public const long BeamBaseTimeMs = 1_436_918_400_000;

    public static GeneratorConfig Default { get; } = new();

    private GeneratorConfig()
    {
    }

    /// <summary>Event time of event number 0, milliseconds since the Unix epoch.</summary>
    public long BaseTimeMs { get; private init; } = BeamBaseTimeMs;

    /// <summary>Offset added to event numbers to form event ids (the per-event random seed).</summary>
    public long FirstEventId { get; private init; }

    /// <summary>Event number of this generator's first event (drives its timestamp).</summary>
    public long FirstEventNumber { get; private init; }

    /// <summary>Events to generate; 0 means unbounded (see <see cref="EffectiveMaxEvents"/>).</summary>
    public long MaxEvents { get; private init; }

    /// <summary>Overall events per second across all <see cref="NumEventGenerators"/>.</summary>
    public int FirstEventRate { get; private init; } = 10_000;

    public int NextEventRate { get; private init; } = 10_000;

    public RateShape RateShape { get; private init; } = RateShape.Sine;

    public int RatePeriodSec { get; private init; } = 600;

    /// <summary>Parallel timelines the overall rate is shared by; scales each generator's inter-event delay.</summary>
    public int NumEventGenerators { get; private init; } = 100;

    /// <summary>
    /// false (Beam): integer microsecond delay <c>round(10^6/rate)·generators</c>, cannot express
    /// rates above 2·10^6/s. true (NXF): double delay <c>10^6/rate·generators</c>, first rate only.
    /// </summary>
    public bool FractionalInterEventDelay { get; private init; }

    public int PersonProportion { get; private init; } = 1;

    public int AuctionProportion { get; private init; } = 3;

    public int BidProportion { get; private init; } = 46;

    public int AvgPersonByteSize { get; private init; } = 200;

    public int AvgAuctionByteSize { get; private init; } = 500;

    public int AvgBidByteSize { get; private init; } = 100;

    /// <summary>P(bid goes to the hot auction) = 1 − 1/ratio.</summary>
    public int HotAuctionRatio { get; private init; } = 2;

    /// <summary>P(bid is by the hot bidder) = 1 − 1/ratio.</summary>
    public int HotBiddersRatio { get; private init; } = 4;

    /// <summary>P(auction is by the hot seller) = 1 − 1/ratio.</summary>
    public int HotSellersRatio { get; private init; } = 4;

    public int NumActivePeople { get; private init; } = 1000;

    public int NumInFlightAuctions { get; private init; } = 100;

    /// <summary>
    /// &gt; 1 permutes event ids and timestamps inside groups of this many events (Beam: offset·953 mod
    /// size, which is the identity when the size divides 952, e.g. 2, 4, 7, 8, 14, 17).
    /// </summary>
    public int OutOfOrderGroupSize { get; private init; } = 1;

    /// <summary>Reproduce NXF's bug of adding the 1000 person-id offset to <c>Bid.Bidder</c> twice.</summary>
    public bool NxfBidderOffsetQuirk { get; private init; }

    public int TotalProportion => PersonProportion + AuctionProportion + BidProportion;

    /// <summary><see cref="MaxEvents"/>, or Beam's overflow-safe maximum when it is 0.</summary>
    public long EffectiveMaxEvents => MaxEvents != 0
        ? MaxEvents
        : long.MaxValue / ((long)TotalProportion * Math.Max(Math.Max(AvgPersonByteSize, AvgAuctionByteSize), AvgBidByteSize));

    /// <summary>
    /// Microseconds between consecutive events of one generator timeline at <see cref="FirstEventRate"/>
    /// (Beam: integer, rounded half up; NXF: fractional).
    /// </summary>
    public double InterEventDelayUs => FractionalInterEventDelay
        ? 1_000_000.0 / FirstEventRate * NumEventGenerators
        : IntegerPeriodUs(FirstEventRate) * NumEventGenerators;

    /// <summary>Id of the first event this config can produce.</summary>
    public long StartEventId => FirstEventId + FirstEventNumber;

    /// <summary>One past the id of the last event this config can produce.</summary>
    public long StopEventId => StartEventId + EffectiveMaxEvents;

    public GeneratorConfig WithBaseTime(long baseTimeMs) =>
        this with { BaseTimeMs = NotNegative(baseTimeMs, nameof(BaseTimeMs)) };

    public GeneratorConfig WithBaseTime(DateTimeOffset baseTime) => WithBaseTime(baseTime.ToUnixTimeMilliseconds());

    public GeneratorConfig WithFirstEventId(long firstEventId) =>
        this with { FirstEventId = NotNegative(firstEventId, nameof(FirstEventId)) };

    public GeneratorConfig WithFirstEventNumber(long firstEventNumber) =>
        this with { FirstEventNumber = NotNegative(firstEventNumber, nameof(FirstEventNumber)) };

    public GeneratorConfig WithMaxEvents(long maxEvents) =>
        this with { MaxEvents = NotNegative(maxEvents, nameof(MaxEvents)) };

    /// <summary>Sets both <see cref="FirstEventRate"/> and <see cref="NextEventRate"/> (a constant rate).</summary>
    public GeneratorConfig WithEventRate(int eventsPerSecond) =>
        this with
        {
            FirstEventRate = Positive(eventsPerSecond, nameof(FirstEventRate)),
            NextEventRate = eventsPerSecond,
        };

    public GeneratorConfig WithFirstEventRate(int eventsPerSecond) =>
        this with { FirstEventRate = Positive(eventsPerSecond, nameof(FirstEventRate)) };

    public GeneratorConfig WithNextEventRate(int eventsPerSecond) =>
        this with { NextEventRate = Positive(eventsPerSecond, nameof(NextEventRate)) };

    public GeneratorConfig WithRateShape(RateShape shape) =>
        this with { RateShape = Defined(shape, nameof(RateShape)) };

    public GeneratorConfig WithRatePeriodSec(int seconds) =>
        this with { RatePeriodSec = Positive(seconds, nameof(RatePeriodSec)) };

    public GeneratorConfig WithNumEventGenerators(int generators) =>
        this with { NumEventGenerators = Positive(generators, nameof(NumEventGenerators)) };

    public GeneratorConfig WithFractionalInterEventDelay(bool fractional) =>
        this with { FractionalInterEventDelay = fractional };

    public GeneratorConfig WithProportions(int person, int auction, int bid) =>
        this with
        {
            PersonProportion = Positive(person, nameof(PersonProportion)),
            AuctionProportion = Positive(auction, nameof(AuctionProportion)),
            BidProportion = NotNegative(bid, nameof(BidProportion)),
        };

    public GeneratorConfig WithAvgByteSizes(int person, int auction, int bid) =>
        this with
        {
            AvgPersonByteSize = Positive(person, nameof(AvgPersonByteSize)),
            AvgAuctionByteSize = Positive(auction, nameof(AvgAuctionByteSize)),
            AvgBidByteSize = Positive(bid, nameof(AvgBidByteSize)),
        };

    public GeneratorConfig WithHotAuctionRatio(int ratio) =>
        this with { HotAuctionRatio = Positive(ratio, nameof(HotAuctionRatio)) };

    public GeneratorConfig WithHotBiddersRatio(int ratio) =>
        this with { HotBiddersRatio = Positive(ratio, nameof(HotBiddersRatio)) };

    public GeneratorConfig WithHotSellersRatio(int ratio) =>
        this with { HotSellersRatio = Positive(ratio, nameof(HotSellersRatio)) };

    public GeneratorConfig WithNumActivePeople(int people) =>
        this with { NumActivePeople = Positive(people, nameof(NumActivePeople)) };

    public GeneratorConfig WithNumInFlightAuctions(int auctions) =>
        this with { NumInFlightAuctions = Positive(auctions, nameof(NumInFlightAuctions)) };

    public GeneratorConfig WithOutOfOrderGroupSize(int groupSize) =>
        this with { OutOfOrderGroupSize = Positive(groupSize, nameof(OutOfOrderGroupSize)) };

    public GeneratorConfig WithNxfBidderOffsetQuirk(bool enabled) =>
        this with { NxfBidderOffsetQuirk = enabled };

    /// <summary>
    /// Beam's split: <paramref name="count"/> configs over consecutive id ranges of
    /// ⌊max/count⌋ events (the last takes the remainder), all starting at the same event number,
    /// so they run on parallel event-time timelines with disjoint person/auction id spaces.
    /// </summary>
    public IReadOnlyList<GeneratorConfig> Split(int count)
    {
        var max = EffectiveMaxEvents;
        if (count < 1 || count > max)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count), count, $"Split count must be between 1 and the number of events ({max}).");
        }

        if (count == 1)
        {
            return [this];
        }

        var result = new GeneratorConfig[count];
        var subMax = max / count;
        var firstId = FirstEventId;
        for (var i = 0; i < count; i++)
        {
            var events = i == count - 1 ? max - (subMax * (count - 1)) : subMax;
            result[i] = this with { FirstEventId = firstId, MaxEvents = events };
            firstId += events;
        }

        return result;
    }

    /// <summary>Checks rules spanning several fields; throws <see cref="ArgumentException"/> naming them.</summary>
    public GeneratorConfig Validate()
    {
        if (FractionalInterEventDelay && FirstEventRate != NextEventRate)
        {
            throw new ArgumentException(
                $"GeneratorConfig.FractionalInterEventDelay (NXF timing) supports a constant rate only, but " +
                $"FirstEventRate={FirstEventRate} and NextEventRate={NextEventRate}.");
        }

        if (!FractionalInterEventDelay)
        {
            foreach (var rate in new[] { FirstEventRate, NextEventRate })
            {
                if (IntegerPeriodUs(rate) == 0)
                {
                    throw new ArgumentException(
                        $"GeneratorConfig event rate {rate}/s rounds to a 0 µs inter-event delay in Beam's " +
                        "integer timing (rates above 2,000,000/s); enable FractionalInterEventDelay (NXF timing).");
                }
            }
        }

        if (StartEventId > long.MaxValue - EffectiveMaxEvents)
        {
            throw new ArgumentException(
                $"GeneratorConfig FirstEventId={FirstEventId} + FirstEventNumber={FirstEventNumber} + " +
                $"MaxEvents={EffectiveMaxEvents} overflows a 64-bit event id.");
        }

        return this;
    }

    /// <summary>Beam's <c>RateUnit.PER_SECOND.rateToPeriodUs</c>: microseconds between events, rounded half up.</summary>
    internal static long IntegerPeriodUs(long rate) => (1_000_000L + (rate / 2)) / rate;

    private static long NotNegative(long value, string field) => value >= 0
        ? value
        : throw new ArgumentOutOfRangeException(field, value, $"GeneratorConfig.{field} must be >= 0, was {value}.");

    private static int NotNegative(int value, string field) => value >= 0
        ? value
        : throw new ArgumentOutOfRangeException(field, value, $"GeneratorConfig.{field} must be >= 0, was {value}.");

    private static int Positive(int value, string field) => value >= 1
        ? value
        : throw new ArgumentOutOfRangeException(field, value, $"GeneratorConfig.{field} must be >= 1, was {value}.");

    private static RateShape Defined(RateShape value, string field) => Enum.IsDefined(value)
        ? value
        : throw new ArgumentOutOfRangeException(field, value, $"GeneratorConfig.{field} has no value {(int)value}.");
}
