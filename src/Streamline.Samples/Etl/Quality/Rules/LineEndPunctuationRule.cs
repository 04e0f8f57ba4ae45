namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>
/// C4: prose lines end in terminal punctuation. C4 drops every other line; as a document filter we require a
/// minimum fraction of such lines (the FineWeb adaptation), leaving line-level cleanup to the normalizer.
/// </summary>
public sealed class LineEndPunctuationRule(double minRatio) : IQualityRule
{
    private static readonly char[] Terminal = ['.', '!', '?', '"', '\'', '…', '”', '’', '»'];

    public string Name => "line-end-punctuation";

    public Rejection? Evaluate(QualityDocument document)
    {
        if (document.Lines.Count == 0)
        {
            return new Rejection(Name, 0, minRatio);
        }

        var terminated = document.Lines.Count(l => Array.IndexOf(Terminal, l[^1]) >= 0);
        var ratio = terminated / (double)document.Lines.Count;
        return ratio < minRatio ? new Rejection(Name, ratio, minRatio) : null;
    }
}
