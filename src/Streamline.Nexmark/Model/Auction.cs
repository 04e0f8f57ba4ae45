using System.Text.Json.Serialization;
using Streamline.Nexmark.Serialization;

namespace Streamline.Nexmark.Model;

/// <summary>A new auction opened by a seller (Nexmark event type 1).</summary>
/// <param name="Id">Auction id: 1000 + base-0 auction index.</param>
/// <param name="InitialBid">Starting price in cents.</param>
/// <param name="Reserve">Minimum selling price in cents (always above <paramref name="InitialBid"/>).</param>
/// <param name="DateTime">Event time, milliseconds since the Unix epoch.</param>
/// <param name="Expires">Closing time, milliseconds since the Unix epoch (after <paramref name="DateTime"/>).</param>
/// <param name="Seller">Person id of the seller.</param>
/// <param name="Category">Category id, 10..14.</param>
/// <param name="Extra">Padding so the record averages about 500 bytes.</param>
public sealed record Auction(
    long Id,
    string ItemName,
    string Description,
    long InitialBid,
    long Reserve,
    [property: JsonConverter(typeof(NexmarkTimestampJsonConverter))] long DateTime,
    [property: JsonConverter(typeof(NexmarkTimestampJsonConverter))] long Expires,
    long Seller,
    long Category,
    string Extra);
