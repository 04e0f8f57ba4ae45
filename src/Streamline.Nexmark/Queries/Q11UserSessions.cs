using Streamline.Core.Dsl;
using Streamline.Core.Windows;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>
/// q11, user sessions: bids per bidder per session with a 10 s gap. NXF semantics: one row
/// (bidder, count, session start, session end = last bid + gap) per closed session, no early
/// firings (Beam fires every 100 000 elements). Deviation: Streamline merges sessions that overlap,
/// Flink also those that merely touch, so two bids exactly 10 s apart start a new session here.
/// </summary>
public static class Q11UserSessions
{
    public static readonly TimeSpan Gap = TimeSpan.FromSeconds(10);

    public static DataStream<Q11Result> Build(DataStream<NexmarkEvent> events) =>
        events.FlatMap<Bid>((e, o) => { if (e.Bid is { } b) o.Collect(b); }).Named("q11-bids")
            .KeyBy(b => b.Bidder)
            .Window(EventTimeSessionWindows.WithGap(Gap))
            .Aggregate(Aggregates.Count<Bid>(), (bidder, window, count) => new Q11Result(bidder, count, window.Start, window.End))
            .Named("q11-sessions");
}
