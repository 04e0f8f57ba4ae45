using Streamline.Nexmark.Queries;
using Xunit;

namespace Streamline.Nexmark.Tests.Queries;

[Collection(QueryCollection.Name)]
public sealed class Q7HighestBidTests(QueryHarness harness)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Emits_the_bids_at_the_highest_price_of_every_10s_window(bool outOfOrder)
    {
        var config = outOfOrder ? QueryHarness.OutOfOrder : QueryHarness.Default;
        var bids = QueryHarness.Bids(config).ToList();
        // NXF: bids priced at the window maximum with dateTime BETWEEN end - 10 s AND end (both inclusive).
        var expected =
            (from window in bids.GroupBy(b => b.DateTime - b.DateTime % 10_000 + 10_000)
             let max = window.Max(b => b.Price)
             from b in bids
             where b.Price == max && b.DateTime >= window.Key - 10_000 && b.DateTime <= window.Key
             select (new Q7Result(b.Auction, b.Price, b.Bidder, b.DateTime, b.Extra), window.Key)).ToList();

        var actual = harness.Run(config, Q7HighestBid.Build);

        Assert.True(expected.Count >= 20, $"only {expected.Count} expected rows");
        QueryHarness.AssertSameMultiset(expected, actual);
    }
}
