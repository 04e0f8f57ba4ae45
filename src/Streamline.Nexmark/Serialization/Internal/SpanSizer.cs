using System.Numerics;
using System.Text;

namespace Streamline.Nexmark.Serialization.Internal;

/// <summary>Exact encoded sizes of the primitives <see cref="SpanWriter"/> writes.</summary>
internal static class SpanSizer
{
    public static int VarInt64(long value) => VarUInt64((ulong)((value << 1) ^ (value >> 63)));

    public static int VarUInt64(ulong value) => Math.Max(1, (64 - BitOperations.LeadingZeroCount(value) + 6) / 7);

    public static int String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        return VarUInt64((ulong)length) + length;
    }
}
