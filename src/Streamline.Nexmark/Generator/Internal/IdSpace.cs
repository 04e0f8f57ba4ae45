namespace Streamline.Nexmark.Generator.Internal;

/// <summary>Event id → event kind and person/auction ids (NEXMARK.md §1.3), generalised to any proportions.</summary>
internal static class IdSpace
{
    public static Model.EventKind KindOf(long eventId, GeneratorConfig config)
    {
        var offset = eventId % config.TotalProportion;
        if (offset < config.PersonProportion)
        {
            return Model.EventKind.Person;
        }

        return offset < config.PersonProportion + config.AuctionProportion
            ? Model.EventKind.Auction
            : Model.EventKind.Bid;
    }

    /// <summary>Last person id (base 0) generated at or before <paramref name="eventId"/>.</summary>
    public static long LastBase0PersonId(long eventId, GeneratorConfig config)
    {
        long total = config.TotalProportion;
        var epoch = eventId / total;
        var offset = Math.Min(eventId % total, config.PersonProportion - 1);
        return (epoch * config.PersonProportion) + offset;
    }

    /// <summary>Last auction id (base 0) generated at or before <paramref name="eventId"/>; −1 before the first.</summary>
    public static long LastBase0AuctionId(long eventId, GeneratorConfig config)
    {
        long total = config.TotalProportion;
        var epoch = eventId / total;
        var offset = eventId % total;
        if (offset < config.PersonProportion)
        {
            epoch--;
            offset = config.AuctionProportion - 1;
        }
        else if (offset >= config.PersonProportion + config.AuctionProportion)
        {
            offset = config.AuctionProportion - 1;
        }
        else
        {
            offset -= config.PersonProportion;
        }

        return (epoch * config.AuctionProportion) + offset;
    }

    /// <summary>A random recent person (base 0), up to <see cref="GeneratorConfig.PersonIdLead"/> ahead.</summary>
    public static long NextBase0PersonId(long eventId, JavaRandom random, GeneratorConfig config)
    {
        var people = LastBase0PersonId(eventId, config) + 1;
        var active = Math.Min(people, config.NumActivePeople);
        return people - active + NextLong(random, active + GeneratorConfig.PersonIdLead);
    }

    /// <summary>A random in-flight auction (base 0), up to <see cref="GeneratorConfig.AuctionIdLead"/> ahead.</summary>
    public static long NextBase0AuctionId(long eventId, JavaRandom random, GeneratorConfig config)
    {
        var max = LastBase0AuctionId(eventId, config);
        var min = Math.Max(max - config.NumInFlightAuctions, 0);
        return min + NextLong(random, max - min + 1 + GeneratorConfig.AuctionIdLead);
    }

    /// <summary>Beam's <c>LongGenerator.nextLong</c>: <c>nextInt(n)</c> below int.MaxValue, else a (skewed) |nextLong % n|.</summary>
    public static long NextLong(JavaRandom random, long n) =>
        n < int.MaxValue ? random.NextInt((int)n) : Math.Abs(random.NextLong() % n);
}
