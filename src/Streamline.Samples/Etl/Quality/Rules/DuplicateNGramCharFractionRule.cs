namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>
/// Gopher: fraction of characters inside word n-grams (n = 5..10) that already occurred earlier in the
/// document. Overlapping repeats are counted once by jumping past a matched n-gram, as in the reference code.
/// </summary>
public sealed class DuplicateNGramCharFractionRule(int n, double maxFraction) : IQualityRule
{
    public string Name { get; } = $"duplicate-{n}gram";

    public Rejection? Evaluate(QualityDocument document)
    {
        var words = document.LowerWords;
        if (words.Count < n || document.Text.Length == 0)
        {
            return null;
        }

        var grams = new NGrams(document, n);
        var seen = new HashSet<int>(words.Count, grams);
        var repeatedChars = 0L;
        var i = 0;
        while (i + n <= words.Count)
        {
            if (seen.Add(i))
            {
                i++;
                continue;
            }

            repeatedChars += grams.WordChars(i);
            i += n;
        }

        var fraction = repeatedChars / (double)document.Text.Length;
        return fraction > maxFraction ? new Rejection(Name, fraction, maxFraction) : null;
    }
}
