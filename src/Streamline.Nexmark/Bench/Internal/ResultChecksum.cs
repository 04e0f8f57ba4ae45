using System.IO.Hashing;
using Streamline.Core.Serdes;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>
/// An order-independent, content-based checksum of results: the sum of XxHash3 over each result's
/// serialized bytes. Equal for the same multiset of results however they were interleaved.
/// </summary>
internal static class ResultChecksum
{
    public static long Of(ReadOnlySpan<byte> serialized) => unchecked((long)XxHash3.HashToUInt64(serialized));

    public static long Of<T>(ISerde<T> serde, IEnumerable<T> results)
    {
        long sum = 0;
        foreach (var r in results) sum = unchecked(sum + Of(serde.ToBytes(r)));
        return sum;
    }
}
