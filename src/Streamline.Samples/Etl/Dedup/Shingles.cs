using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Streamline.Samples.Etl.Dedup;

/// <summary>
/// Word n-gram shingles over lower-cased words with punctuation stripped, so casing and punctuation edits do
/// not hide near-duplicates. A text shorter than n words is one shingle of all its words.
/// </summary>
/// <remarks>
/// The words are written once, joined by single spaces, into one buffer; a shingle is then a contiguous range of
/// it. <see cref="Hashes"/> hashes those UTF-8 ranges in place, which gives the same values as hashing each
/// <see cref="Set"/> string but allocates nothing per shingle (MinHash is a top cost of the ETL pipeline).
/// </remarks>
public static class Shingles
{
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) && builder.Length > 0)
            {
                words.Add(builder.ToString());
                builder.Clear();
            }
        }

        if (builder.Length > 0)
        {
            words.Add(builder.ToString());
        }

        return words;
    }

    public static HashSet<string> Set(string text, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var joined = Join(text, out var wordStarts);
        foreach (var (start, end) in Ranges(wordStarts, joined.Length, size))
        {
            set.Add(joined.Substring(start, end - start));
        }

        return set;
    }

    /// <summary>64-bit shingle hashes (xxHash64, seed 0, over each shingle's UTF-8 bytes), the MinHash input.</summary>
    public static HashSet<ulong> Hashes(string text, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var joined = Join(text, out var wordStarts);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(joined.Length));
        try
        {
            // Words hold no surrogates (char.IsLetterOrDigit is false for them), so each char encodes on its own
            // and a char offset maps to a byte offset through the running UTF-8 length.
            var byteOffsets = new int[joined.Length + 1];
            for (var i = 0; i < joined.Length; i++)
            {
                var c = joined[i];
                byteOffsets[i + 1] = byteOffsets[i] + (c < 0x80 ? 1 : c < 0x800 ? 2 : 3);
            }

            Encoding.UTF8.GetBytes(joined, bytes);
            var hashes = new HashSet<ulong>();
            foreach (var (start, end) in Ranges(wordStarts, joined.Length, size))
            {
                hashes.Add(XxHash64.HashToUInt64(bytes.AsSpan(byteOffsets[start], byteOffsets[end] - byteOffsets[start])));
            }

            return hashes;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The words of <see cref="Words"/> joined by single spaces, and where each word starts.</summary>
    private static string Join(string text, out List<int> wordStarts)
    {
        wordStarts = [];
        var builder = new StringBuilder(text.Length);
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    if (builder.Length > 0)
                    {
                        builder.Append(' ');
                    }

                    wordStarts.Add(builder.Length);
                    inWord = true;
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>[start, end) char ranges of the shingles in <see cref="Join"/>'s string: n consecutive words each, or all words if fewer.</summary>
    private static IEnumerable<(int Start, int End)> Ranges(List<int> wordStarts, int length, int size)
    {
        var words = wordStarts.Count;
        if (words == 0)
        {
            yield break;
        }

        if (words < size)
        {
            yield return (0, length);
            yield break;
        }

        for (var i = 0; i + size <= words; i++)
        {
            // A shingle ends one space before the next word starts, or at the end of the text.
            var end = i + size < words ? wordStarts[i + size] - 1 : length;
            yield return (wordStarts[i], end);
        }
    }
}
