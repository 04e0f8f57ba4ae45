using System.Buffers;
using System.Text.Json;
using Streamline.Core.Serdes;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Serialization;

/// <summary>
/// Every kind in one topic as JSON, in the shape of NXF's <c>nexmark</c> table:
/// <c>{"event_type":0|1|2,"person"|"auction"|"bid":{...}}</c>, the inner object being
/// <see cref="NexmarkJson"/>'s (snake_case columns). Reading also accepts the other two kinds as
/// <c>null</c> and any member order; the kind comes from the member name.
/// </summary>
public sealed class NexmarkJsonSerde : ISerde<NexmarkEvent>
{
    // One writer per thread, re-pointed at each output: a Utf8JsonWriter per record would be garbage.
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    public static NexmarkJsonSerde Instance { get; } = new();

    public string Name => "nexmark-json";

    public void Serialize(NexmarkEvent value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(output);
        var writer = t_writer ??= new Utf8JsonWriter(output);
        writer.Reset(output);
        writer.WriteStartObject();
        writer.WriteNumber("event_type"u8, (int)value.Kind);
        writer.WritePropertyName(value.Kind switch
        {
            EventKind.Person => "person"u8,
            EventKind.Auction => "auction"u8,
            _ => "bid"u8,
        });
        NexmarkJson.Serialize(writer, value);
        writer.WriteEndObject();
        writer.Flush();
        // Do not keep the caller's buffer reachable from the thread-static writer.
        writer.Reset(Stream.Null);
    }

    public NexmarkEvent Deserialize(ReadOnlySpan<byte> data)
    {
        try
        {
            return Read(data);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new SerdeException($"{Name}: {data.Length} bytes are not a Nexmark event: {e.Message}", e);
        }
    }

    private static NexmarkEvent Read(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a JSON object");
        int? declared = null;
        NexmarkEvent? result = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            EventKind? kind = reader.ValueTextEquals("person"u8) ? EventKind.Person
                : reader.ValueTextEquals("auction"u8) ? EventKind.Auction
                : reader.ValueTextEquals("bid"u8) ? EventKind.Bid
                : null;
            var isType = kind is null && reader.ValueTextEquals("event_type"u8);
            reader.Read();
            if (isType)
            {
                declared = reader.GetInt32();
            }
            else if (kind is { } k && reader.TokenType == JsonTokenType.StartObject)
            {
                if (result is not null) throw new JsonException($"more than one event in one record ({result.Kind} and {k})");
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                result = NexmarkJson.Deserialize(k, data[start..(int)reader.BytesConsumed]);
            }
            else
            {
                reader.Skip();
            }
        }
        if (result is null) throw new JsonException("no person, auction or bid object");
        if (declared is { } d && d != (int)result.Kind) throw new JsonException($"event_type {d} does not match the {result.Kind} object");
        return result;
    }
}
