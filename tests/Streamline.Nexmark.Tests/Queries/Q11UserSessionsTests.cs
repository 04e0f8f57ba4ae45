using Streamline.Nexmark.Queries;
using Xunit;

namespace Streamline.Nexmark.Tests.Queries;

[Collection(QueryCollection.Name)]
public sealed class Q11UserSessionsTests(QueryHarness harness)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Counts_the_bids_of_every_session_of_every_bidder(bool outOfOrder)
    {
        var config = outOfOrder ? QueryHarness.OutOfOrder : QueryHarness.Default;
        var expected = new List<(Q11Result, long)>();
        foreach (var bidder in QueryHarness.Bids(config).GroupBy(b => b.Bidder))
        {
            // A bid less than the gap after the previous one continues the session.
            long start = 0, last = 0, count = 0;
            foreach (var t in bidder.Select(b => b.DateTime).Order())
            {
                if (count > 0 && t >= last + 10_000)
                {
                    expected.Add((new Q11Result(bidder.Key, count, start, last + 10_000), last + 10_000 - 1));
                    count = 0;
                }
                if (count == 0) start = t;
                last = t;
                count++;
            }
            expected.Add((new Q11Result(bidder.Key, count, start, last + 10_000), last + 10_000 - 1));
        }

        var actual = harness.Run(config, Q11UserSessions.Build);

        Assert.True(expected.Count >= 500, $"only {expected.Count} expected rows");
        QueryHarness.AssertSameMultiset(expected, actual);
    }
}
