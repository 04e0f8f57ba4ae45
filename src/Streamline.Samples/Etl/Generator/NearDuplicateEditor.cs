using Streamline.Samples.Etl.Dedup;

namespace Streamline.Samples.Etl.Generator;

/// <summary>
/// Makes a near-duplicate at a chosen shingle Jaccard by substituting words at random positions. Each
/// substitution removes up to n shingles, so J falls roughly as (S − n·k)/(S + n·k); rather than trusting the
/// formula, the number of edits k is found by binary search on the exact Jaccard.
/// </summary>
public static class NearDuplicateEditor
{
    public static string Edit(string text, double targetJaccard, Random random, int shingleSize, out double achievedJaccard)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetJaccard, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetJaccard, 1.0);
        var words = new EnglishTextGenerator(random);
        var lines = text.Split('\n').Select(l => l.Split(' ')).ToArray();
        var positions = new List<(int Line, int Word)>();
        for (var l = 0; l < lines.Length; l++)
        {
            for (var w = 0; w < lines[l].Length; w++)
            {
                if (lines[l][w].Any(char.IsLetter))
                {
                    positions.Add((l, w));
                }
            }
        }

        var order = positions.ToArray();
        random.Shuffle(order);
        var replacements = order.Select(p => Replacement(lines[p.Line][p.Word], words)).ToArray();
        var original = Shingles.Set(text, shingleSize);

        string Build(int edits)
        {
            var copy = lines.Select(l => (string[])l.Clone()).ToArray();
            for (var i = 0; i < edits; i++)
            {
                copy[order[i].Line][order[i].Word] = replacements[i];
            }

            return string.Join('\n', copy.Select(l => string.Join(' ', l)));
        }

        double Measure(int edits) => Jaccard.Exact(original, Shingles.Set(Build(edits), shingleSize));

        // Smallest k whose Jaccard is at or below the target, then the closer of k and k-1.
        int lo = 0, hi = order.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Measure(mid) <= targetJaccard)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var best = lo;
        if (lo > 0 && Math.Abs(Measure(lo - 1) - targetJaccard) < Math.Abs(Measure(lo) - targetJaccard))
        {
            best = lo - 1;
        }

        var edited = Build(best);
        achievedJaccard = Measure(best);
        return edited;
    }

    // A different content word with the original's capitalization and surrounding punctuation.
    private static string Replacement(string token, EnglishTextGenerator words)
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

        var core = token[start..end];
        string replacement;
        do
        {
            replacement = words.ContentWord();
        }
        while (string.Equals(replacement, core, StringComparison.OrdinalIgnoreCase));

        if (core.Length > 0 && char.IsUpper(core[0]))
        {
            replacement = char.ToUpperInvariant(replacement[0]) + replacement[1..];
        }

        return token[..start] + replacement + token[end..];
    }
}
