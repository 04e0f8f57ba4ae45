using System.Text.Json.Serialization;
using Streamline.Nexmark.Serialization;

namespace Streamline.Nexmark.Model;

/// <summary>A new person registering with the auction site (Nexmark event type 0).</summary>
/// <param name="Id">Person id: 1000 + base-0 person index.</param>
/// <param name="DateTime">Event time, milliseconds since the Unix epoch.</param>
/// <param name="Extra">Padding so the record averages about 200 bytes.</param>
public sealed record Person(
    long Id,
    string Name,
    string EmailAddress,
    string CreditCard,
    string City,
    string State,
    [property: JsonConverter(typeof(NexmarkTimestampJsonConverter))] long DateTime,
    string Extra);
