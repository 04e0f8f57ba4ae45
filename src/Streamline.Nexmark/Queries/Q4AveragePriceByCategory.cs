using Streamline.Core.Dsl;
using Streamline.Core.Operators.Process;
using Streamline.Core.State;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>
/// q4, average winning price per category. NXF semantics: the winning price of an auction is its
/// highest bid within [DateTime, Expires] (<see cref="WinningBids"/>, no reserve condition), and
/// the result is the running average over all closed auctions of the category, as Flink's
/// BIGINT <c>AVG</c> (truncated). Flink emits it as a retracting stream; here each row is the
/// new value of the average (an upsert by category). Auctions of one category closing at the same
/// millisecond are folded into one update, so the output does not depend on their order.
/// </summary>
public static class Q4AveragePriceByCategory
{
    public static DataStream<Q4Result> Build(DataStream<NexmarkEvent> events) =>
        WinningBids.Build(events, "q4").KeyBy(w => w.Category).Process(new RunningAverage()).Named("q4-average");

    private readonly record struct Sum(long Total, long Count);

    private sealed class RunningAverage : KeyedProcessFunction<long, WinningBid, Q4Result>
    {
        private IValueState<Sum> _sum = null!;
        private IMapState<long, Sum> _pending = null!;

        public override void Open(KeyedProcessContext<long, Q4Result> context)
        {
            _sum = context.GetValueState<Sum>("sum");
            _pending = context.GetMapState<long, Sum>("pending-by-close-time");
        }

        public override void ProcessElement(WinningBid value, KeyedProcessContext<long, Q4Result> context)
        {
            _pending.TryGet(value.Expires, out var pending);
            _pending.Put(value.Expires, new Sum(pending.Total + value.Price, pending.Count + 1));
            context.RegisterEventTimeTimer(value.Expires);
        }

        public override void OnTimer(long timestamp, TimeDomain domain, KeyedProcessContext<long, Q4Result> context)
        {
            if (!_pending.TryGet(timestamp, out var closed)) return;
            _pending.Remove(timestamp);
            var sum = _sum.Value;
            sum = new Sum(sum.Total + closed.Total, sum.Count + closed.Count);
            _sum.Value = sum;
            context.Emit(new Q4Result(context.CurrentKey, sum.Total / sum.Count));
        }
    }
}
