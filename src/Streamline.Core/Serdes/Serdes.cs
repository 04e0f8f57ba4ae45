using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Streamline.Core.Serdes.Internal;

namespace Streamline.Core.Serdes;

/// <summary>The built-in serdes.</summary>
public static class Serdes
{
    public static ISerde<string> Utf8String { get; } = new Utf8StringSerde();

    public static ISerde<byte[]> Bytes { get; } = new BytesSerde();

    public static ISerde<long> Int64 { get; } = new Int64Serde();

    public static ISerde<int> Int32 { get; } = new Int32Serde();

    public static ISerde<double> Double { get; } = new DoubleSerde();

    /// <summary>JSON with a source-generated type info (trimming- and AOT-safe, fastest).</summary>
    public static ISerde<T> Json<T>(JsonTypeInfo<T> typeInfo) => new JsonSerde<T>(typeInfo);

    /// <summary>JSON through reflection-based System.Text.Json.</summary>
    public static ISerde<T> Json<T>(JsonSerializerOptions? options = null) =>
        new JsonSerde<T>((JsonTypeInfo<T>)(options ?? JsonSerializerOptions.Web).GetTypeInfo(typeof(T)));

    /// <summary>Serializes to a new array (for APIs that need one, like Kafka's).</summary>
    public static byte[] ToBytes<T>(this ISerde<T> serde, T value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        serde.Serialize(value, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The serde Streamline uses by default for <typeparamref name="T"/>: built-ins for primitives,
    /// strings and bytes, JSON otherwise.
    /// </summary>
    public static ISerde<T> Default<T>()
    {
        object serde = typeof(T) switch
        {
            var t when t == typeof(string) => Utf8String,
            var t when t == typeof(byte[]) => Bytes,
            var t when t == typeof(long) => Int64,
            var t when t == typeof(int) => Int32,
            var t when t == typeof(double) => Double,
            _ => Json<T>(),
        };
        return (ISerde<T>)serde;
    }
}
