namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>Gopher: hash symbols and ellipses per word; high values mean hashtag spam or truncated teasers.</summary>
public sealed class SymbolWordRatioRule(double maxRatio) : IQualityRule
{
    public string Name => "symbol-word-ratio";

    public Rejection? Evaluate(QualityDocument document)
    {
        var text = document.Text.AsSpan();
        var symbols = text.Count('#') + text.Count("...") + text.Count('…');
        var ratio = symbols / (double)Math.Max(1, document.Words.Count);
        return ratio > maxRatio ? new Rejection(Name, ratio, maxRatio) : null;
    }
}
