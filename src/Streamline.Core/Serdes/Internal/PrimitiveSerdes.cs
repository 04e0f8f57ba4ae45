using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Streamline.Core.Serdes.Internal;

internal sealed class Utf8StringSerde : ISerde<string>
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Name => "utf8-string";

    public void Serialize(string value, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(Strict.GetMaxByteCount(value.Length));
        output.Advance(Strict.GetBytes(value, span));
    }

    public string Deserialize(ReadOnlySpan<byte> data)
    {
        try { return Strict.GetString(data); }
        catch (DecoderFallbackException e) { throw new SerdeException($"{Name}: invalid UTF-8 at byte {e.Index}", e); }
    }
}

internal sealed class BytesSerde : ISerde<byte[]>
{
    public string Name => "bytes";

    public void Serialize(byte[] value, IBufferWriter<byte> output) => output.Write(value);

    public byte[] Deserialize(ReadOnlySpan<byte> data) => data.ToArray();
}

internal sealed class Int64Serde : ISerde<long>
{
    public string Name => "int64";

    public void Serialize(long value, IBufferWriter<byte> output)
    {
        BinaryPrimitives.WriteInt64BigEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    public long Deserialize(ReadOnlySpan<byte> data) => data.Length == 8
        ? BinaryPrimitives.ReadInt64BigEndian(data)
        : throw new SerdeException($"{Name}: expected 8 bytes, got {data.Length}");
}

internal sealed class Int32Serde : ISerde<int>
{
    public string Name => "int32";

    public void Serialize(int value, IBufferWriter<byte> output)
    {
        BinaryPrimitives.WriteInt32BigEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    public int Deserialize(ReadOnlySpan<byte> data) => data.Length == 4
        ? BinaryPrimitives.ReadInt32BigEndian(data)
        : throw new SerdeException($"{Name}: expected 4 bytes, got {data.Length}");
}

internal sealed class DoubleSerde : ISerde<double>
{
    public string Name => "double";

    public void Serialize(double value, IBufferWriter<byte> output)
    {
        BinaryPrimitives.WriteDoubleBigEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    public double Deserialize(ReadOnlySpan<byte> data) => data.Length == 8
        ? BinaryPrimitives.ReadDoubleBigEndian(data)
        : throw new SerdeException($"{Name}: expected 8 bytes, got {data.Length}");
}
