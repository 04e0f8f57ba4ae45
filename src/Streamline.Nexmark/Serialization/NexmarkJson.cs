using System.Text.Json;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Serialization;

/// <summary>
/// JSON for Kafka: one topic per kind carrying the bare Person/Auction/Bid object (the
/// RisingWave layout), all through <see cref="NexmarkJsonContext"/>.
/// </summary>
public static class NexmarkJson
{
    public static byte[] SerializeToUtf8Bytes(NexmarkEvent nexmarkEvent)
    {
        ArgumentNullException.ThrowIfNull(nexmarkEvent);
        var context = NexmarkJsonContext.Default;
        return nexmarkEvent.Kind switch
        {
            EventKind.Person => JsonSerializer.SerializeToUtf8Bytes(nexmarkEvent.AsPerson(), context.Person),
            EventKind.Auction => JsonSerializer.SerializeToUtf8Bytes(nexmarkEvent.AsAuction(), context.Auction),
            _ => JsonSerializer.SerializeToUtf8Bytes(nexmarkEvent.AsBid(), context.Bid),
        };
    }

    public static void Serialize(Utf8JsonWriter writer, NexmarkEvent nexmarkEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(nexmarkEvent);
        var context = NexmarkJsonContext.Default;
        switch (nexmarkEvent.Kind)
        {
            case EventKind.Person:
                JsonSerializer.Serialize(writer, nexmarkEvent.AsPerson(), context.Person);
                break;
            case EventKind.Auction:
                JsonSerializer.Serialize(writer, nexmarkEvent.AsAuction(), context.Auction);
                break;
            default:
                JsonSerializer.Serialize(writer, nexmarkEvent.AsBid(), context.Bid);
                break;
        }
    }

    /// <summary>Reads a payload of the given <paramref name="kind"/> (known from the topic).</summary>
    public static NexmarkEvent Deserialize(EventKind kind, ReadOnlySpan<byte> utf8Json)
    {
        var context = NexmarkJsonContext.Default;
        return kind switch
        {
            EventKind.Person => new NexmarkEvent(JsonSerializer.Deserialize(utf8Json, context.Person) ?? throw Null(kind)),
            EventKind.Auction => new NexmarkEvent(JsonSerializer.Deserialize(utf8Json, context.Auction) ?? throw Null(kind)),
            EventKind.Bid => new NexmarkEvent(JsonSerializer.Deserialize(utf8Json, context.Bid) ?? throw Null(kind)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown Nexmark event kind."),
        };
    }

    private static JsonException Null(EventKind kind) => new($"JSON 'null' is not a Nexmark {kind}.");
}
