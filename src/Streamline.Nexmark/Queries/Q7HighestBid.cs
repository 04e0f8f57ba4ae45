using Streamline.Core.Dsl;
using Streamline.Core.Operators.Process;
using Streamline.Core.State;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>
/// q7, highest bid: the bids whose price equals the highest price of a 10 s tumbling window.
/// NXF semantics, including its join range <c>dateTime BETWEEN window_end - 10 s AND window_end</c>:
/// a bid exactly at a window's end also matches that window's maximum, so a window is emitted when
/// the watermark reaches its end (not its last millisecond). One key for all bids: the global
/// maximum is a single hot spot, as in every engine. Rows carry the window end as timestamp;
/// the columns are in the intended order (NXF's SELECT swaps price and bidder into its sink).
/// </summary>
public static class Q7HighestBid
{
    public const long WindowMillis = 10_000;

    public static DataStream<Q7Result> Build(DataStream<NexmarkEvent> events) =>
        events.FlatMap<Bid>((e, o) => { if (e.Bid is { } b) o.Collect(b); }).Named("q7-bids")
            .KeyBy(_ => 0L)
            .Process(new HighestPerWindow()).Named("q7-highest");

    /// <summary>One window's state, mutated in place: the maximum, its bids, and bids at the window's end.</summary>
    private sealed class Highest
    {
        public long Price { get; set; } = long.MinValue;

        public List<Bid> Bids { get; set; } = new();

        public List<Bid> AtEnd { get; set; } = new();
    }

    private sealed class HighestPerWindow : KeyedProcessFunction<long, Bid, Q7Result>
    {
        private IMapState<long, Highest> _windows = null!;

        public override void Open(KeyedProcessContext<long, Q7Result> context) => _windows = context.GetMapState<long, Highest>("windows-by-end");

        public override void ProcessElement(Bid bid, KeyedProcessContext<long, Q7Result> context)
        {
            var start = bid.DateTime - (bid.DateTime % WindowMillis);
            var window = Window(start + WindowMillis, context);
            if (bid.Price > window.Price)
            {
                window.Price = bid.Price;
                window.Bids.Clear();
            }
            if (bid.Price == window.Price) window.Bids.Add(bid);
            if (bid.DateTime == start) Window(start, context).AtEnd.Add(bid);
        }

        public override void OnTimer(long end, TimeDomain domain, KeyedProcessContext<long, Q7Result> context)
        {
            if (!_windows.TryGet(end, out var window)) return;
            _windows.Remove(end);
            if (window.Bids.Count == 0) return;
            foreach (var b in window.Bids.Concat(window.AtEnd.Where(b => b.Price == window.Price)))
                context.Emit(new Q7Result(b.Auction, b.Price, b.Bidder, b.DateTime, b.Extra));
        }

        private Highest Window(long end, KeyedProcessContext<long, Q7Result> context)
        {
            if (_windows.TryGet(end, out var window)) return window;
            window = new Highest();
            _windows.Put(end, window);
            context.RegisterEventTimeTimer(end);
            return window;
        }
    }
}
