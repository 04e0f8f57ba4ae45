using System.Text.Json.Serialization;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Serialization;

/// <summary>
/// Source-generated (reflection-free) JSON metadata for the model, with snake_case names as in
/// RisingWave's Nexmark topics (<c>email_address</c>, <c>date_time</c>, <c>initial_bid</c>, …).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Person))]
[JsonSerializable(typeof(Auction))]
[JsonSerializable(typeof(Bid))]
public sealed partial class NexmarkJsonContext : JsonSerializerContext
{
}
