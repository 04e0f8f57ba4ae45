using Streamline.Nexmark.Model;
using Streamline.Nexmark.Queries;
using Xunit;

namespace Streamline.Nexmark.Tests.Queries;

[Collection(QueryCollection.Name)]
public sealed class Q3LocalItemSuggestionTests(QueryHarness harness)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Joins_category_10_auctions_with_their_sellers_in_OR_ID_CA(bool outOfOrder)
    {
        var config = outOfOrder ? QueryHarness.OutOfOrder : QueryHarness.Default;
        var events = QueryHarness.Events(config);
        var matches =
            (from a in events.Select(e => e.Auction).OfType<Auction>()
             where a.Category == 10
             join p in events.Select(e => e.Person).OfType<Person>() on a.Seller equals p.Id
             where p.State is "OR" or "ID" or "CA"
             select (Row: new Q3Result(p.Name, p.City, p.State, a.Id), Times: new[] { a.DateTime, p.DateTime })).ToList();

        var actual = harness.Run(config, Q3LocalItemSuggestion.Build);

        Assert.True(matches.Count > 20, $"only {matches.Count} expected rows: the input is too small to test the join");
        QueryHarness.AssertSameMultiset(matches.Select(m => m.Row), actual.Select(r => r.Value));
        // A row is stamped with the time of whichever side the join saw second; which one that is
        // depends on how the two inputs' batches interleave.
        var times = matches.ToDictionary(m => m.Row, m => m.Times);
        Assert.All(actual, r => Assert.Contains(r.Timestamp, times[r.Value]));
    }
}
