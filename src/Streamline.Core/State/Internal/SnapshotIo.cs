using System.Buffers;
using System.Buffers.Binary;
using Streamline.Core.Serdes;

namespace Streamline.Core.State.Internal;

/// <summary>Length-prefixed binary framing for state snapshots.</summary>
internal static class SnapshotIo
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? _scratch;
    [ThreadStatic] private static int _depth;

    public static void WriteInt64(IBufferWriter<byte> output, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    public static void WriteInt32(IBufferWriter<byte> output, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    public static void WriteBytes(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        WriteInt32(output, bytes.Length);
        output.Write(bytes);
    }

    /// <summary>Writes a serialized value with its length prefix.</summary>
    public static void WriteValue<T>(IBufferWriter<byte> output, ISerde<T> serde, T value)
    {
        // Collection serdes call this recursively; a nested value must not share the outer scratch.
        var nested = _depth++ > 0;
        var scratch = nested ? new ArrayBufferWriter<byte>(64) : _scratch ??= new ArrayBufferWriter<byte>(256);
        try
        {
            serde.Serialize(value, scratch);
            WriteBytes(output, scratch.WrittenSpan);
        }
        finally
        {
            _depth--;
            if (!nested) scratch.ResetWrittenCount();
        }
    }

    public static long ReadInt64(ref ReadOnlySpan<byte> input)
    {
        var v = BinaryPrimitives.ReadInt64LittleEndian(input);
        input = input[8..];
        return v;
    }

    public static int ReadInt32(ref ReadOnlySpan<byte> input)
    {
        var v = BinaryPrimitives.ReadInt32LittleEndian(input);
        input = input[4..];
        return v;
    }

    public static ReadOnlySpan<byte> ReadBytes(ref ReadOnlySpan<byte> input)
    {
        var length = ReadInt32(ref input);
        var bytes = input[..length];
        input = input[length..];
        return bytes;
    }

    public static T ReadValue<T>(ref ReadOnlySpan<byte> input, ISerde<T> serde) => serde.Deserialize(ReadBytes(ref input));
}
