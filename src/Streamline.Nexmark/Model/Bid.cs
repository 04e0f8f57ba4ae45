using System.Text.Json.Serialization;
using Streamline.Nexmark.Serialization;

namespace Streamline.Nexmark.Model;

/// <summary>A bid on an auction (Nexmark event type 2), with NXF's <c>channel</c> and <c>url</c>.</summary>
/// <param name="Auction">Auction id the bid is for (may precede that auction's own event by a few ids).</param>
/// <param name="Bidder">Person id of the bidder.</param>
/// <param name="Price">Bid in cents.</param>
/// <param name="Channel">NXF field: "Google", "Facebook", "Baidu", "Apple" or "channel-&lt;n&gt;".</param>
/// <param name="Url">NXF field: item URL of the channel.</param>
/// <param name="DateTime">Event time, milliseconds since the Unix epoch.</param>
/// <param name="Extra">Padding so the record averages about 100 bytes.</param>
public sealed record Bid(
    long Auction,
    long Bidder,
    long Price,
    string Channel,
    string Url,
    [property: JsonConverter(typeof(NexmarkTimestampJsonConverter))] long DateTime,
    string Extra);
