using Streamline.Core.Dsl;
using Streamline.Core.Operators.Process;
using Streamline.Core.State;
using Streamline.Core.Windows;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>
/// q5, hot items: per sliding window, the auction(s) with the most bids. NXF semantics: HOP of
/// 10 s sliding by 2 s, ties all emitted (<c>num &gt;= maxn</c>). Two steps: bids counted per
/// (auction, window), then per window the maximum, emitted when the watermark passes the window.
/// Rows carry the window's last millisecond as their timestamp.
/// </summary>
public static class Q5HotItems
{
    public static readonly TimeSpan Size = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Slide = TimeSpan.FromSeconds(2);

    public static DataStream<Q5Result> Build(DataStream<NexmarkEvent> events) =>
        events.FlatMap<Bid>((e, o) => { if (e.Bid is { } b) o.Collect(b); }).Named("q5-bids")
            .KeyBy(b => b.Auction)
            .Window(SlidingEventTimeWindows.Of(Size, Slide)).Count().Named("q5-count")
            .KeyBy(c => c.Window.End)
            .Process(new MaxPerWindow()).Named("q5-max");

    private sealed class MaxPerWindow : KeyedProcessFunction<long, WindowResult<long, long>, Q5Result>
    {
        private IValueState<long> _max = null!;
        private IListState<long> _auctions = null!;

        public override void Open(KeyedProcessContext<long, Q5Result> context)
        {
            _max = context.GetValueState<long>("max-count");
            _auctions = context.GetListState<long>("hottest-auctions");
        }

        public override void ProcessElement(WindowResult<long, long> count, KeyedProcessContext<long, Q5Result> context)
        {
            var max = _max.Value;
            if (count.Value < max) return;
            if (count.Value > max)
            {
                _max.Value = count.Value;
                _auctions.Clear();
                context.RegisterEventTimeTimer(count.Window.MaxTimestamp);
            }
            _auctions.Add(count.Key);
        }

        public override void OnTimer(long timestamp, TimeDomain domain, KeyedProcessContext<long, Q5Result> context)
        {
            var max = _max.Value;
            foreach (var auction in _auctions.Get()) context.Emit(new Q5Result(auction, max));
            _max.Clear();
            _auctions.Clear();
        }
    }
}
