namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>Gopher: at least 80% of words should contain a letter; otherwise the page is numbers, codes or tables.</summary>
public sealed class AlphabeticWordRatioRule(double minRatio) : IQualityRule
{
    public string Name => "alphabetic-word-ratio";

    public Rejection? Evaluate(QualityDocument document)
    {
        if (document.Words.Count == 0)
        {
            return null;
        }

        var alphabetic = document.Words.Count(w => w.Any(char.IsLetter));
        var ratio = alphabetic / (double)document.Words.Count;
        return ratio < minRatio ? new Rejection(Name, ratio, minRatio) : null;
    }
}
