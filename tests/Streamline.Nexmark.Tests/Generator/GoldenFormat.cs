using System.Globalization;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Tests.Generator;

/// <summary>The tab-separated line format of the Java-produced golden files (see Golden/README.md).</summary>
internal static class GoldenFormat
{
    public static string Line(NexmarkEvent e) => e.Kind switch
    {
        EventKind.Person => Person(e.AsPerson()),
        EventKind.Auction => Auction(e.AsAuction()),
        _ => Bid(e.AsBid()),
    };

    private static string Person(Person p) => string.Create(
        CultureInfo.InvariantCulture,
        $"P\t{p.Id}\t{p.Name}\t{p.EmailAddress}\t{p.CreditCard}\t{p.City}\t{p.State}\t{p.DateTime}\t{p.Extra}");

    private static string Auction(Auction a) => string.Create(
        CultureInfo.InvariantCulture,
        $"A\t{a.Id}\t{a.ItemName}\t{a.Description}\t{a.InitialBid}\t{a.Reserve}\t{a.DateTime}\t{a.Expires}\t{a.Seller}\t{a.Category}\t{a.Extra}");

    private static string Bid(Bid b) => string.Create(
        CultureInfo.InvariantCulture,
        $"B\t{b.Auction}\t{b.Bidder}\t{b.Price}\t{b.DateTime}\t{b.Extra}\t{b.Channel}\t{b.Url}");
}
