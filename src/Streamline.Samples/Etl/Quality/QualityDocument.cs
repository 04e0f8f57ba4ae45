using System.Runtime.InteropServices;

namespace Streamline.Samples.Etl.Quality;

/// <summary>
/// A document split once into the views the rules need (lines, words, lower-cased words), so running
/// a dozen rules does not tokenize the text a dozen times.
/// </summary>
public sealed class QualityDocument
{
    private int[]? _lowerWordIds;
    private int[]? _lowerWordOffsets;

    private QualityDocument(string text, IReadOnlyList<string> lines, IReadOnlyList<string> words, IReadOnlyList<string> lowerWords)
    {
        Text = text;
        Lines = lines;
        Words = words;
        LowerWords = lowerWords;
    }

    public string Text { get; }

    /// <summary>Non-empty lines, trimmed.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Whitespace-separated tokens with surrounding punctuation stripped; pure-symbol tokens are not words.</summary>
    public IReadOnlyList<string> Words { get; }

    public IReadOnlyList<string> LowerWords { get; }

    /// <summary><see cref="LowerWords"/> as dense ids (equal words, equal ids): n-gram rules compare ints, not strings.</summary>
    internal int[] LowerWordIds => _lowerWordIds ??= ComputeIds(LowerWords);

    /// <summary>Prefix sums of <see cref="LowerWords"/> lengths (Count + 1 entries): the characters of words [i, j) in O(1).</summary>
    internal int[] LowerWordOffsets => _lowerWordOffsets ??= ComputeOffsets(LowerWords);

    public static QualityDocument Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        var words = new List<string>();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = TrimSymbols(token);
            if (word.Length > 0)
            {
                words.Add(word);
            }
        }

        return new QualityDocument(text, lines, words, [.. words.Select(w => w.ToLowerInvariant())]);
    }

    private static int[] ComputeIds(IReadOnlyList<string> words)
    {
        var ids = new int[words.Count];
        var byWord = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(byWord, words[i], out var exists);
            if (!exists)
            {
                id = byWord.Count;
            }

            ids[i] = id;
        }

        return ids;
    }

    private static int[] ComputeOffsets(IReadOnlyList<string> words)
    {
        var offsets = new int[words.Count + 1];
        for (var i = 0; i < words.Count; i++)
        {
            offsets[i + 1] = offsets[i] + words[i].Length;
        }

        return offsets;
    }

    private static string TrimSymbols(string token)
    {
        var start = 0;
        var end = token.Length;
        while (start < end && !char.IsLetterOrDigit(token[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(token[end - 1]))
        {
            end--;
        }

        return token[start..end];
    }
}
