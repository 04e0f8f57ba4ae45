using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Generator.Internal;

/// <summary>Beam's <c>AuctionGenerator.nextAuction</c>, drawing in the same order.</summary>
internal static class AuctionFactory
{
    /// <param name="eventNumber">The (out-of-order adjusted) event number: auction length looks ahead on its timeline.</param>
    public static Auction Next(
        long eventNumber, long eventId, JavaRandom random, long timestamp, GeneratorConfig config, EventTimeline timeline)
    {
        var id = IdSpace.LastBase0AuctionId(eventId, config) + GeneratorConfig.FirstAuctionId;

        long seller;
        if (random.NextInt(config.HotSellersRatio) > 0)
        {
            seller = IdSpace.LastBase0PersonId(eventId, config) / GeneratorConfig.HotBlockSize * GeneratorConfig.HotBlockSize;
        }
        else
        {
            seller = IdSpace.NextBase0PersonId(eventId, random, config);
        }

        seller += GeneratorConfig.FirstPersonId;

        var category = GeneratorConfig.FirstCategoryId + random.NextInt(GeneratorConfig.NumCategories);
        var initialBid = RandomStrings.NextPrice(random);
        var expires = timestamp + NextAuctionLengthMs(eventNumber, random, timestamp, config, timeline);
        var itemName = RandomStrings.Next(random, 20);
        var description = RandomStrings.Next(random, 100);
        var reserve = initialBid + RandomStrings.NextPrice(random);
        var currentSize = 8 + itemName.Length + description.Length + 8 + 8 + 8 + 8 + 8;
        var extra = RandomStrings.NextExtra(random, currentSize, config.AvgAuctionByteSize);
        return new Auction(id, itemName, description, initialBid, reserve, timestamp, expires, seller, category, extra);
    }

    /// <summary>Uniform in [1, 2·horizon], horizon = time until NumInFlightAuctions more auctions exist.</summary>
    private static long NextAuctionLengthMs(
        long eventNumber, JavaRandom random, long timestamp, GeneratorConfig config, EventTimeline timeline)
    {
        var eventsForAuctions = (long)config.NumInFlightAuctions * config.TotalProportion / config.AuctionProportion;
        var futureAuction = timeline.TimestampOf(eventNumber + eventsForAuctions);
        var horizonMs = futureAuction - timestamp;
        return 1L + IdSpace.NextLong(random, Math.Max(horizonMs * 2, 1L));
    }
}
