namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>Gopher: many lines ending in an ellipsis indicate truncated snippets ("Read more...").</summary>
public sealed class EllipsisLineRatioRule(double maxRatio) : IQualityRule
{
    public string Name => "ellipsis-lines";

    public Rejection? Evaluate(QualityDocument document)
    {
        if (document.Lines.Count == 0)
        {
            return null;
        }

        var ellipsis = document.Lines.Count(l => l.EndsWith("...", StringComparison.Ordinal) || l.EndsWith('…'));
        var ratio = ellipsis / (double)document.Lines.Count;
        return ratio > maxRatio ? new Rejection(Name, ratio, maxRatio) : null;
    }
}
