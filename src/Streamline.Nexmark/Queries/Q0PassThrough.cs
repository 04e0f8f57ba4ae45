using Streamline.Core.Dsl;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>
/// q0, pass-through: every bid, unchanged. Measures source and runtime overhead.
/// Deviation from NXF (which projects auction, bidder, price, dateTime, extra): the bid record
/// itself is passed on, so no projection object is allocated per event; the columns are a superset.
/// </summary>
public static class Q0PassThrough
{
    public static DataStream<Bid> Build(DataStream<NexmarkEvent> events) =>
        events.FlatMap<Bid>((e, output) =>
        {
            if (e.Bid is { } bid) output.Collect(bid);
        }).Named("q0-bids");
}
