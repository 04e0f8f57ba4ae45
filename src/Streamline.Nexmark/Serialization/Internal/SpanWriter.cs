using System.Buffers.Binary;
using System.Text;

namespace Streamline.Nexmark.Serialization.Internal;

/// <summary>Forward-only writer over a span that the caller has sized with <see cref="SpanSizer"/>.</summary>
internal ref struct SpanWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    public SpanWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Position => _position;

    public void WriteByte(byte value) => _buffer[_position++] = value;

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer[_position..], value);
        _position += sizeof(long);
    }

    /// <summary>ZigZag + LEB128: small magnitudes of either sign take few bytes.</summary>
    public void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Plain LEB128, for lengths.</summary>
    public void WriteVarUInt64(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_position++] = (byte)value;
    }

    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt64((ulong)length);
        _position += Encoding.UTF8.GetBytes(value, _buffer.Slice(_position, length));
    }
}
