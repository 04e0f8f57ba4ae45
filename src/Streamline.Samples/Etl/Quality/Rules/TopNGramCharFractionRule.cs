using System.Runtime.InteropServices;

namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>
/// Gopher: the characters covered by the most frequent word n-gram (n = 2..4), counted over all its
/// occurrences, as a fraction of the document; high values mean one phrase dominates (keyword stuffing).
/// Only n-grams that actually repeat count.
/// </summary>
public sealed class TopNGramCharFractionRule(int n, double maxFraction) : IQualityRule
{
    public string Name { get; } = $"top-{n}gram";

    public Rejection? Evaluate(QualityDocument document)
    {
        var words = document.LowerWords;
        if (words.Count < n || document.Text.Length == 0)
        {
            return null;
        }

        // Keyed by the start of the first occurrence; equal n-grams compare equal by word ids.
        var grams = new NGrams(document, n);
        var counts = new Dictionary<int, int>(words.Count, grams);
        var best = 0L;
        for (var i = 0; i + n <= words.Count; i++)
        {
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, i, out _);
            count++;
            if (count > 1)
            {
                // Length of the n-gram as written with single spaces.
                best = Math.Max(best, (long)grams.Length(i) * count);
            }
        }

        var fraction = best / (double)document.Text.Length;
        return fraction > maxFraction ? new Rejection(Name, fraction, maxFraction) : null;
    }
}
