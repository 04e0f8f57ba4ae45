using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Generator.Internal;

/// <summary>
/// Beam's <c>BidGenerator.nextBid</c> (same draws, same order), then NXF's channel/url drawn from
/// the same per-event random <em>after</em> <c>extra</c>, so every Beam field stays bit-identical.
/// </summary>
internal static class BidFactory
{
    public static Bid Next(long eventId, JavaRandom random, long timestamp, GeneratorConfig config)
    {
        long auction;
        if (random.NextInt(config.HotAuctionRatio) > 0)
        {
            auction = IdSpace.LastBase0AuctionId(eventId, config) / GeneratorConfig.HotBlockSize * GeneratorConfig.HotBlockSize;
        }
        else
        {
            auction = IdSpace.NextBase0AuctionId(eventId, random, config);
        }

        auction += GeneratorConfig.FirstAuctionId;

        long bidder;
        if (random.NextInt(config.HotBiddersRatio) > 0)
        {
            // The second person of the block, so hot bidders and hot sellers differ.
            bidder = (IdSpace.LastBase0PersonId(eventId, config) / GeneratorConfig.HotBlockSize * GeneratorConfig.HotBlockSize) + 1;
        }
        else
        {
            bidder = IdSpace.NextBase0PersonId(eventId, random, config);
        }

        bidder += GeneratorConfig.FirstPersonId;
        if (config.NxfBidderOffsetQuirk)
        {
            bidder += GeneratorConfig.FirstPersonId;
        }

        var price = RandomStrings.NextPrice(random);
        var extra = RandomStrings.NextExtra(random, 8 + 8 + 8 + 8, config.AvgBidByteSize);

        string channel;
        string url;
        if (random.NextInt(ChannelTable.HotChannelsRatio) > 0)
        {
            var hot = random.NextInt(ChannelTable.HotChannels.Length);
            channel = ChannelTable.HotChannels[hot];
            url = ChannelTable.HotUrls[hot];
        }
        else
        {
            var cold = random.NextInt(ChannelTable.ColdChannelCount);
            channel = ChannelTable.ColdChannels[cold];
            url = ChannelTable.ColdUrls[cold];
        }

        return new Bid(auction, bidder, price, channel, url, timestamp, extra);
    }
}
