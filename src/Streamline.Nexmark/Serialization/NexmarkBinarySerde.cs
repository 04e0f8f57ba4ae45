using System.Buffers;
using Streamline.Core.Serdes;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Serialization;

/// <summary><see cref="NexmarkBinaryCodec"/> as a serde: writes straight into the output buffer, no intermediate array.</summary>
public sealed class NexmarkBinarySerde : ISerde<NexmarkEvent>
{
    public static NexmarkBinarySerde Instance { get; } = new();

    public string Name => "nexmark-binary";

    public void Serialize(NexmarkEvent value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(output);
        var length = NexmarkBinaryCodec.GetEncodedLength(value);
        var written = NexmarkBinaryCodec.Encode(value, output.GetSpan(length));
        output.Advance(written);
    }

    public NexmarkEvent Deserialize(ReadOnlySpan<byte> data)
    {
        try
        {
            return NexmarkBinaryCodec.Decode(data);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            throw new SerdeException($"{Name}: {data.Length} bytes are not a Nexmark event: {e.Message}", e);
        }
    }
}
