using Streamline.Core.Dsl;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>
/// q1, currency conversion: every bid with its price converted from dollars to euros.
/// NXF semantics: <c>0.908 * price</c> as an exact decimal (Flink's DECIMAL(23,3)), not Beam's
/// integer <c>price * 89 / 100</c>.
/// </summary>
public static class Q1CurrencyConversion
{
    public const decimal DollarToEuro = 0.908m;

    public static DataStream<Q1Result> Build(DataStream<NexmarkEvent> events) =>
        events.FlatMap<Q1Result>((e, output) =>
        {
            if (e.Bid is { } b) output.Collect(new Q1Result(b.Auction, b.Bidder, DollarToEuro * b.Price, b.DateTime, b.Extra));
        }).Named("q1-convert");
}
