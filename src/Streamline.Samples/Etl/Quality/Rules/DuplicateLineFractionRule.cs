namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>Gopher: fraction of lines that repeat an earlier line of the same document (the first occurrence is not counted).</summary>
public sealed class DuplicateLineFractionRule(double maxFraction) : IQualityRule
{
    public string Name => "duplicate-lines";

    public Rejection? Evaluate(QualityDocument document)
    {
        if (document.Lines.Count == 0)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = document.Lines.Count(l => !seen.Add(l));
        var fraction = duplicates / (double)document.Lines.Count;
        return fraction > maxFraction ? new Rejection(Name, fraction, maxFraction) : null;
    }
}
