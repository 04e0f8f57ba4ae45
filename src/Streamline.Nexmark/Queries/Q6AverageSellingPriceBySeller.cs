using Streamline.Core.Dsl;
using Streamline.Core.Operators.Process;
using Streamline.Core.State;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>
/// q6, average selling price by seller. NXF cannot run q6, so Beam semantics: per seller, the
/// mean of the winning prices of its last <see cref="LastAuctions"/> closed auctions (most recent
/// by winning-bid time, then price), rounded like Java's <c>Math.round</c>. Winning bids as in
/// <see cref="WinningBids"/> (no reserve condition, unlike Beam). Beam emits after every winning
/// bid; here auctions of one seller closing at the same millisecond give one row, so the output
/// does not depend on their order.
/// </summary>
public static class Q6AverageSellingPriceBySeller
{
    public const int LastAuctions = 10;

    public static DataStream<Q6Result> Build(DataStream<NexmarkEvent> events) =>
        WinningBids.Build(events, "q6").KeyBy(w => w.Seller).Process(new MovingMean()).Named("q6-average");

    private sealed class MovingMean : KeyedProcessFunction<long, WinningBid, Q6Result>
    {
        private IListState<WinningBid> _recent = null!;
        private IListState<WinningBid> _pending = null!;

        public override void Open(KeyedProcessContext<long, Q6Result> context)
        {
            _recent = context.GetListState<WinningBid>("recent");
            _pending = context.GetListState<WinningBid>("pending");
        }

        public override void ProcessElement(WinningBid value, KeyedProcessContext<long, Q6Result> context)
        {
            _pending.Add(value);
            context.RegisterEventTimeTimer(value.Expires);
        }

        public override void OnTimer(long timestamp, TimeDomain domain, KeyedProcessContext<long, Q6Result> context)
        {
            var pending = _pending.Get().ToList();
            var closed = pending.Where(w => w.Expires == timestamp).ToList();
            if (closed.Count == 0) return;
            var recent = _recent.Get().Concat(closed)
                .OrderBy(w => w.BidDateTime).ThenBy(w => w.Price)
                .TakeLast(LastAuctions).ToList();
            _recent.Update(recent);
            pending.RemoveAll(w => w.Expires == timestamp);
            if (pending.Count == 0) _pending.Clear();
            else _pending.Update(pending);
            var mean = (double)recent.Sum(w => w.Price) / recent.Count;
            context.Emit(new Q6Result(context.CurrentKey, (long)Math.Floor(mean + 0.5)));
        }
    }
}
