using Streamline.Core.Dsl;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>
/// q2, selection: (auction, price) of the bids on every 123rd auction id
/// (<c>MOD(auction, 123) = 0</c>, as in Beam and NXF; the original NEXMark listed five ids).
/// </summary>
public static class Q2Selection
{
    public const long AuctionSkip = 123;

    public static DataStream<Q2Result> Build(DataStream<NexmarkEvent> events) =>
        events.FlatMap<Q2Result>((e, output) =>
        {
            if (e.Bid is { } b && b.Auction % AuctionSkip == 0) output.Collect(new Q2Result(b.Auction, b.Price));
        }).Named("q2-select");
}
