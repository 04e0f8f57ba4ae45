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

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var best = 0L;
        for (var i = 0; i + n <= words.Count; i++)
        {
            var gram = NGrams.Key(words, i, n);
            var count = counts.GetValueOrDefault(gram) + 1;
            counts[gram] = count;
            if (count > 1)
            {
                // Length of the n-gram as written with single spaces.
                best = Math.Max(best, (long)(gram.Length) * count);
            }
        }

        var fraction = best / (double)document.Text.Length;
        return fraction > maxFraction ? new Rejection(Name, fraction, maxFraction) : null;
    }
}
