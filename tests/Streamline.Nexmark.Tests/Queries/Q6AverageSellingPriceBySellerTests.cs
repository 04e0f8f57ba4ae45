using Streamline.Nexmark.Queries;
using Xunit;

namespace Streamline.Nexmark.Tests.Queries;

[Collection(QueryCollection.Name)]
public sealed class Q6AverageSellingPriceBySellerTests(QueryHarness harness)
{
    [Theory]
    [MemberData(nameof(Q4AveragePriceByCategoryTests.Shapes), MemberType = typeof(Q4AveragePriceByCategoryTests))]
    public void Emits_the_mean_of_the_last_10_winning_prices_per_seller_at_each_close(string shape)
    {
        var config = Q4AveragePriceByCategoryTests.Config(shape);
        var winners = WinningBidsReference.Compute(QueryHarness.Events(config));
        var expected = new List<(Q6Result, long)>();
        foreach (var seller in winners.GroupBy(w => w.Seller))
        {
            foreach (var closing in seller.Select(w => w.Expires).Distinct().Order())
            {
                var last10 = seller.Where(w => w.Expires <= closing)
                    .OrderBy(w => w.BidDateTime).ThenBy(w => w.Price).TakeLast(10).ToList();
                var mean = (long)Math.Floor((double)last10.Sum(w => w.Price) / last10.Count + 0.5);
                expected.Add((new Q6Result(seller.Key, mean), closing));
            }
        }

        var actual = harness.Run(config, Q6AverageSellingPriceBySeller.Build);

        Assert.True(expected.Count > 300, $"only {expected.Count} expected rows");
        Assert.Contains(winners.GroupBy(w => w.Seller), s => s.Count() > 10);
        QueryHarness.AssertSameMultiset(expected, actual);
    }
}
