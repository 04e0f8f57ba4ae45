using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Queries;
using Xunit;

namespace Streamline.Nexmark.Tests.Queries;

[Collection(QueryCollection.Name)]
public sealed class Q4AveragePriceByCategoryTests(QueryHarness harness)
{
    public static TheoryData<string> Shapes => new() { "default", "dense", "out-of-order" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Emits_the_running_average_of_winning_prices_per_category_at_each_close(string shape)
    {
        var config = Config(shape);
        var winners = WinningBidsReference.Compute(QueryHarness.Events(config));
        // After each close time, the truncated average over every auction of the category closed so far.
        var expected = new List<(Q4Result, long)>();
        foreach (var category in winners.GroupBy(w => w.Category))
        {
            long total = 0, count = 0;
            foreach (var closing in category.GroupBy(w => w.Expires).OrderBy(g => g.Key))
            {
                total += closing.Sum(w => w.Price);
                count += closing.Count();
                expected.Add((new Q4Result(category.Key, total / count), closing.Key));
            }
        }

        var actual = harness.Run(config, Q4AveragePriceByCategory.Build);

        Assert.True(winners.Count > 300, $"only {winners.Count} auctions have a winner");
        QueryHarness.AssertSameMultiset(expected, actual);
    }

    internal static GeneratorConfig Config(string shape) => shape switch
    {
        "dense" => QueryHarness.Dense,
        "out-of-order" => QueryHarness.OutOfOrder,
        _ => QueryHarness.Default,
    };
}
