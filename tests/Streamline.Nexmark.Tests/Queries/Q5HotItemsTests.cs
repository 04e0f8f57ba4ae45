using Streamline.Nexmark.Queries;
using Xunit;

namespace Streamline.Nexmark.Tests.Queries;

[Collection(QueryCollection.Name)]
public sealed class Q5HotItemsTests(QueryHarness harness)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Emits_the_auctions_with_the_most_bids_of_every_10s_window_sliding_by_2s(bool outOfOrder)
    {
        var config = outOfOrder ? QueryHarness.OutOfOrder : QueryHarness.Default;
        // Every window [end - 10 s, end) with end a multiple of 2 s that contains the bid.
        var counts = QueryHarness.Bids(config)
            .SelectMany(b => Enumerable.Range(1, 5).Select(i => (End: b.DateTime - b.DateTime % 2_000 + i * 2_000, b.Auction)))
            .GroupBy(x => x)
            .Select(g => (g.Key.End, g.Key.Auction, Count: (long)g.Count()))
            .ToList();
        var expected = counts.GroupBy(c => c.End)
            .SelectMany(window => window.Where(c => c.Count == window.Max(x => x.Count))
                .Select(c => (new Q5Result(c.Auction, c.Count), window.Key - 1)))
            .ToList();

        var actual = harness.Run(config, Q5HotItems.Build);

        Assert.True(expected.Count >= 100, $"only {expected.Count} expected rows");
        QueryHarness.AssertSameMultiset(expected, actual);
    }
}
