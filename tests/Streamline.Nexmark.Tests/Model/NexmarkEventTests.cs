using Streamline.Nexmark.Model;
using Xunit;

namespace Streamline.Nexmark.Tests.Model;

public sealed class NexmarkEventTests
{
    private static readonly Person APerson = new(1000, "Peter Jones", "a@b.com", "0000 1111 2222 3333", "Kent", "WA", 42, "x");
    private static readonly Auction AnAuction = new(1000, "item", "desc", 100, 200, 43, 99, 1000, 10, "y");
    private static readonly Bid ABid = new(1000, 1001, 500, "Apple", "https://www.nexmark.com/a/b/c/item.htm?query=1", 44, "z");

    [Fact]
    public void Each_event_exposes_only_its_own_payload_and_its_time()
    {
        var person = new NexmarkEvent(APerson);
        Assert.Equal((EventKind.Person, 42L), (person.Kind, person.Timestamp));
        Assert.Same(APerson, person.Person);
        Assert.Null(person.Auction);
        Assert.Null(person.Bid);
        Assert.Same(APerson, person.Payload);

        var auction = new NexmarkEvent(AnAuction);
        Assert.Equal((EventKind.Auction, 43L), (auction.Kind, auction.Timestamp));
        Assert.Same(AnAuction, auction.AsAuction());
        Assert.Null(auction.Person);

        var bid = new NexmarkEvent(ABid);
        Assert.Equal((EventKind.Bid, 44L), (bid.Kind, bid.Timestamp));
        Assert.Same(ABid, bid.AsBid());
        Assert.Null(bid.Auction);
    }

    [Fact]
    public void Asking_for_the_wrong_kind_throws_a_message_naming_both_kinds()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new NexmarkEvent(ABid).AsPerson());
        Assert.Contains("Bid", e.Message, StringComparison.Ordinal);
        Assert.Contains("Person", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_compare_by_value()
    {
        Assert.Equal(new NexmarkEvent(ABid), new NexmarkEvent(ABid with { }));
        Assert.Equal(new NexmarkEvent(ABid).GetHashCode(), new NexmarkEvent(ABid with { }).GetHashCode());
        Assert.NotEqual(new NexmarkEvent(ABid), new NexmarkEvent(ABid with { Price = 501 }));
        Assert.NotEqual(new NexmarkEvent(APerson), new NexmarkEvent(AnAuction));
        Assert.False(new NexmarkEvent(APerson).Equals(null));
    }

    [Fact]
    public void Null_payloads_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new NexmarkEvent((Person)null!));
        Assert.Throws<ArgumentNullException>(() => new NexmarkEvent((Auction)null!));
        Assert.Throws<ArgumentNullException>(() => new NexmarkEvent((Bid)null!));
    }
}
