using Streamline.Nexmark.Model;
using Streamline.Nexmark.Queries;
using Xunit;

namespace Streamline.Nexmark.Tests.Queries;

[Collection(QueryCollection.Name)]
public sealed class StatelessQueryTests(QueryHarness harness)
{
    [Fact]
    public void Q0_passes_every_bid_through_with_its_timestamp()
    {
        var expected = QueryHarness.Bids(QueryHarness.Default).Select(b => (b, b.DateTime)).ToList();
        var actual = harness.Run(QueryHarness.Default, Q0PassThrough.Build);
        Assert.Equal(18_400, expected.Count);
        QueryHarness.AssertSameMultiset(expected, actual);
    }

    [Fact]
    public void Q1_converts_every_price_to_euros_exactly()
    {
        var expected = QueryHarness.Bids(QueryHarness.Default)
            .Select(b => (new Q1Result(b.Auction, b.Bidder, b.Price * 908m / 1000m, b.DateTime, b.Extra), b.DateTime)).ToList();
        var actual = harness.Run(QueryHarness.Default, Q1CurrencyConversion.Build);
        Assert.Equal(18_400, actual.Count);
        QueryHarness.AssertSameMultiset(expected, actual);
    }

    [Fact]
    public void Q2_keeps_the_bids_on_every_123rd_auction()
    {
        var expected = QueryHarness.Bids(QueryHarness.Default).Where(b => b.Auction % 123 == 0)
            .Select(b => (new Q2Result(b.Auction, b.Price), b.DateTime)).ToList();
        var actual = harness.Run(QueryHarness.Default, Q2Selection.Build);
        Assert.NotEmpty(expected);
        QueryHarness.AssertSameMultiset(expected, actual);
    }

    [Fact]
    public void Q2_is_independent_of_out_of_order_timestamps()
    {
        var expected = QueryHarness.Bids(QueryHarness.OutOfOrder).Where(b => b.Auction % 123 == 0)
            .Select(b => (new Q2Result(b.Auction, b.Price), b.DateTime)).ToList();
        QueryHarness.AssertSameMultiset(expected, harness.Run(QueryHarness.OutOfOrder, Q2Selection.Build));
    }
}
