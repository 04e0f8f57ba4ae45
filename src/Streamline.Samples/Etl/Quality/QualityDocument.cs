namespace Streamline.Samples.Etl.Quality;

/// <summary>
/// A document split once into the views the rules need (lines, words, lower-cased words), so running
/// a dozen rules does not tokenize the text a dozen times.
/// </summary>
public sealed class QualityDocument
{
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
