using Streamline.Nexmark.Model;
using Streamline.Nexmark.Queries;
using Xunit;

namespace Streamline.Nexmark.Tests.Queries;

[Collection(QueryCollection.Name)]
public sealed class Q8MonitorNewUsersTests(QueryHarness harness)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Emits_persons_who_opened_an_auction_in_their_registration_window(bool outOfOrder)
    {
        var config = (outOfOrder ? QueryHarness.OutOfOrder : QueryHarness.Default).WithMaxEvents(50_000);
        var events = QueryHarness.Events(config);
        static long Start(long t) => t - t % 10_000;
        var sellerWindows = events.Select(e => e.Auction).OfType<Auction>().Select(a => (a.Seller, Window: Start(a.DateTime))).ToHashSet();
        var expected = events.Select(e => e.Person).OfType<Person>()
            .Where(p => sellerWindows.Contains((p.Id, Start(p.DateTime))))
            .Select(p => (new Q8Result(p.Id, p.Name, Start(p.DateTime)), Start(p.DateTime) + 9_999))
            .ToList();

        var actual = harness.Run(config, Q8MonitorNewUsers.Build);

        Assert.True(expected.Count >= 10, $"only {expected.Count} expected rows");
        QueryHarness.AssertSameMultiset(expected, actual);
    }
}
