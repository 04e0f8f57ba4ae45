using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Streamline.Core.Serdes.Internal;

internal sealed class JsonSerde<T> : ISerde<T>
{
    private readonly JsonTypeInfo<T> _typeInfo;

    public JsonSerde(JsonTypeInfo<T> typeInfo)
    {
        _typeInfo = typeInfo ?? throw new ArgumentNullException(nameof(typeInfo));
        Name = $"json:{typeof(T).Name}";
    }

    public string Name { get; }

    public void Serialize(T value, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output);
        JsonSerializer.Serialize(writer, value, _typeInfo);
    }

    public T Deserialize(ReadOnlySpan<byte> data)
    {
        try
        {
            return JsonSerializer.Deserialize(data, _typeInfo)
                ?? throw new SerdeException($"{Name}: the JSON is 'null'");
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            throw new SerdeException($"{Name}: invalid JSON{where} (line {e.LineNumber}, byte {e.BytePositionInLine}): {e.Message}", e);
        }
    }
}
