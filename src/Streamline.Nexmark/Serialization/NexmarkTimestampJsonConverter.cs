using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streamline.Nexmark.Serialization;

/// <summary>
/// JSON form of Nexmark timestamps (epoch milliseconds in the model): written as the UTC string
/// <c>yyyy-MM-dd HH:mm:ss.fff</c> that RisingWave's Nexmark Kafka sources expect for
/// <c>TIMESTAMP</c> columns; read from that form, ISO 8601, or a number of epoch milliseconds.
/// </summary>
public sealed class NexmarkTimestampJsonConverter : JsonConverter<long>
{
    public const string Format = "yyyy-MM-dd HH:mm:ss.fff";

    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt64();
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a timestamp string or epoch milliseconds, found {reader.TokenType}.");
        }

        var text = reader.GetString();
        if (!DateTimeOffset.TryParse(
                text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var value))
        {
            throw new JsonException($"'{text}' is not a timestamp (expected {Format}, UTC).");
        }

        return value.ToUnixTimeMilliseconds();
    }

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[32];
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(value).UtcDateTime;
        if (!instant.TryFormat(buffer, out var written, Format, CultureInfo.InvariantCulture))
        {
            throw new JsonException($"Timestamp {value} cannot be formatted.");
        }

        writer.WriteStringValue(buffer[..written]);
    }
}
