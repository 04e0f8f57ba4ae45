using System.IO.Hashing;
using System.Text;

namespace Streamline.Samples.Etl.Dedup;

/// <summary>
/// Word n-gram shingles over lower-cased words with punctuation stripped, so casing and punctuation edits do
/// not hide near-duplicates. A text shorter than n words is one shingle of all its words.
/// </summary>
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
        var words = Words(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return set;
        }

        if (words.Count < size)
        {
            set.Add(string.Join(' ', words));
            return set;
        }

        for (var i = 0; i + size <= words.Count; i++)
        {
            set.Add(string.Join(' ', words.Skip(i).Take(size)));
        }

        return set;
    }

    /// <summary>64-bit shingle hashes (xxHash64, seed 0), the MinHash input.</summary>
    public static HashSet<ulong> Hashes(string text, int size)
    {
        var hashes = new HashSet<ulong>();
        foreach (var shingle in Set(text, size))
        {
            hashes.Add(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(shingle)));
        }

        return hashes;
    }
}
