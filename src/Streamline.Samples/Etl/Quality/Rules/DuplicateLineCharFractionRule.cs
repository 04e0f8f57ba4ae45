namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>Gopher: fraction of characters in lines that repeat an earlier line; catches a few long repeated blocks.</summary>
public sealed class DuplicateLineCharFractionRule(double maxFraction) : IQualityRule
{
    public string Name => "duplicate-line-chars";

    public Rejection? Evaluate(QualityDocument document)
    {
        if (document.Text.Length == 0)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicateChars = document.Lines.Where(l => !seen.Add(l)).Sum(l => l.Length);
        var fraction = duplicateChars / (double)document.Text.Length;
        return fraction > maxFraction ? new Rejection(Name, fraction, maxFraction) : null;
    }
}
