using Streamline.Core.Dsl;
using Streamline.Core.Operators.Process;
using Streamline.Core.State;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>
/// Winning bids: per auction, the highest bid (ties: the earliest) with
/// <c>auction.DateTime ≤ bid.DateTime ≤ auction.Expires</c>, emitted once when the watermark
/// passes <c>Expires</c>; auctions without such a bid emit nothing (inner join). No reserve-price
/// condition (NXF's q9 core; Beam also requires price ≥ reserve). Bids may precede their auction
/// (random picks reach up to 10 ids ahead): they wait until the watermark passes their own time,
/// after which an auction they could belong to would be late.
/// </summary>
public static class WinningBids
{
    public static DataStream<WinningBid> Build(DataStream<NexmarkEvent> events, string prefix)
    {
        var auctions = events.FlatMap<Auction>((e, o) => { if (e.Auction is { } a) o.Collect(a); }).Named($"{prefix}-auctions");
        var bids = events.FlatMap<Bid>((e, o) => { if (e.Bid is { } b) o.Collect(b); }).Named($"{prefix}-bids");
        return auctions.KeyBy(a => a.Id).Connect(bids.KeyBy(b => b.Auction)).Process(new Join()).Named($"{prefix}-winning-bids");
    }

    /// <summary>An auction still open: what the join needs of it, plus the best bid so far.</summary>
    private readonly record struct OpenAuction(long DateTime, long Expires, long Seller, long Category, bool HasBid, long Price, long BidDateTime);

    private sealed class Join : KeyedCoProcessFunction<long, Auction, Bid, WinningBid>
    {
        private IValueState<OpenAuction> _open = null!;
        private IListState<Bid> _early = null!;

        public override void Open(KeyedProcessContext<long, WinningBid> context)
        {
            _open = context.GetValueState<OpenAuction>("open-auction");
            _early = context.GetListState<Bid>("early-bids");
        }

        public override void ProcessElement1(Auction a, KeyedProcessContext<long, WinningBid> context)
        {
            var open = new OpenAuction(a.DateTime, a.Expires, a.Seller, a.Category, false, 0, 0);
            foreach (var bid in _early.Get()) open = Offer(open, bid);
            _early.Clear();
            _open.Value = open;
            context.RegisterEventTimeTimer(a.Expires);
        }

        public override void ProcessElement2(Bid bid, KeyedProcessContext<long, WinningBid> context)
        {
            if (_open.HasValue) _open.Value = Offer(_open.Value, bid);
            else if (bid.DateTime > context.CurrentWatermark)
            {
                _early.Add(bid);
                context.RegisterEventTimeTimer(bid.DateTime);
            }
        }

        public override void OnTimer(long timestamp, TimeDomain domain, KeyedProcessContext<long, WinningBid> context)
        {
            if (_open.HasValue && _open.Value is var o && o.Expires == timestamp)
            {
                if (o.HasBid) context.Emit(new WinningBid(context.CurrentKey, o.Seller, o.Category, o.Expires, o.Price, o.BidDateTime), o.Expires);
                _open.Clear();
            }
            var early = _early.Get();
            if (early.Count == 0) return;
            // Early bids whose time the watermark passed can no longer meet their auction.
            var keep = early.Where(b => b.DateTime > timestamp).ToList();
            if (keep.Count == 0) _early.Clear();
            else _early.Update(keep);
        }

        private static OpenAuction Offer(OpenAuction open, Bid bid)
        {
            if (bid.DateTime < open.DateTime || bid.DateTime > open.Expires) return open;
            var better = !open.HasBid || bid.Price > open.Price || (bid.Price == open.Price && bid.DateTime < open.BidDateTime);
            return better ? open with { HasBid = true, Price = bid.Price, BidDateTime = bid.DateTime } : open;
        }
    }
}
