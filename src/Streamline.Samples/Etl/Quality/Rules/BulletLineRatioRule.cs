namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>Gopher: pages that are almost entirely bullet points are link lists or menus, not prose.</summary>
public sealed class BulletLineRatioRule(double maxRatio) : IQualityRule
{
    private static readonly char[] Bullets = ['•', '‣', '◦', '▪', '●', '○', '■', '□', '-', '*', '–', '·'];

    public string Name => "bullet-lines";

    public Rejection? Evaluate(QualityDocument document)
    {
        if (document.Lines.Count == 0)
        {
            return null;
        }

        var bullets = document.Lines.Count(l => Array.IndexOf(Bullets, l[0]) >= 0);
        var ratio = bullets / (double)document.Lines.Count;
        return ratio > maxRatio ? new Rejection(Name, ratio, maxRatio) : null;
    }
}
