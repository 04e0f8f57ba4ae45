using System.IO.Hashing;
using System.Text;

namespace Streamline.Samples.Etl.Dedup;

/// <summary>Exact-duplicate keys: xxHash of the UTF-8 bytes of already-normalized text (seed 0, stable across runs).</summary>
public static class ContentHash
{
    public static ulong Hash64(string normalizedText) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(normalizedText));

    public static UInt128 Hash128(string normalizedText) => XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(normalizedText));

    /// <summary>128-bit hash as 32 lower-case hex digits, for string-keyed state.</summary>
    public static string Key128(string normalizedText) => Hash128(normalizedText).ToString("x32");
}
