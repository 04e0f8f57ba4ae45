using System.Buffers.Binary;
using System.Text;

namespace Streamline.Nexmark.Serialization.Internal;

/// <summary>Forward-only reader; malformed or truncated input raises <see cref="FormatException"/>.</summary>
internal ref struct SpanReader
{
    private const int MaxVarInt64Bytes = 10;

    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public SpanReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Position => _position;

    public byte ReadByte()
    {
        Require(1);
        return _buffer[_position++];
    }

    public long ReadInt64()
    {
        Require(sizeof(long));
        var value = BinaryPrimitives.ReadInt64LittleEndian(_buffer[_position..]);
        _position += sizeof(long);
        return value;
    }

    public long ReadVarInt64()
    {
        var zigZag = ReadVarUInt64();
        return (long)(zigZag >> 1) ^ -(long)(zigZag & 1);
    }

    public ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (var i = 0; i < MaxVarInt64Bytes; i++)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new FormatException("Malformed Nexmark binary event: variable-length integer longer than 10 bytes.");
    }

    public string ReadString()
    {
        var length = ReadVarUInt64();
        if (length > (ulong)(_buffer.Length - _position))
        {
            throw new FormatException(
                $"Malformed Nexmark binary event: string of {length} bytes at offset {_position}, {_buffer.Length - _position} left.");
        }

        var value = length == 0 ? string.Empty : Encoding.UTF8.GetString(_buffer.Slice(_position, (int)length));
        _position += (int)length;
        return value;
    }

    private readonly void Require(int bytes)
    {
        if (_buffer.Length - _position < bytes)
        {
            throw new FormatException(
                $"Truncated Nexmark binary event: needed {bytes} more byte(s) at offset {_position}, buffer has {_buffer.Length}.");
        }
    }
}
