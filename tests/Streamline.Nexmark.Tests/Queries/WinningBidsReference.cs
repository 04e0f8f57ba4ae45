using Streamline.Nexmark.Model;
using Streamline.Nexmark.Queries;

namespace Streamline.Nexmark.Tests.Queries;

/// <summary>The winning-bid core of q4/q6 computed over the whole input: for each auction, its best bid in [DateTime, Expires].</summary>
internal static class WinningBidsReference
{
    public static List<WinningBid> Compute(IReadOnlyList<NexmarkEvent> events)
    {
        var bidsByAuction = events.Select(e => e.Bid).OfType<Bid>().ToLookup(b => b.Auction);
        return (from a in events.Select(e => e.Auction).OfType<Auction>()
                let best = bidsByAuction[a.Id]
                    .Where(b => b.DateTime >= a.DateTime && b.DateTime <= a.Expires)
                    .OrderByDescending(b => b.Price).ThenBy(b => b.DateTime)
                    .FirstOrDefault()
                where best is not null
                select new WinningBid(a.Id, a.Seller, a.Category, a.Expires, best.Price, best.DateTime)).ToList();
    }
}
