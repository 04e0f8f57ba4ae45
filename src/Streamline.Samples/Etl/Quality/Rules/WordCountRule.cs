namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>Gopher: too few words is a fragment, too many is usually a dump (logs, tables, concatenated pages).</summary>
public sealed class WordCountRule(int minWords, int maxWords) : IQualityRule
{
    public string Name => "word-count";

    public Rejection? Evaluate(QualityDocument document)
    {
        var count = document.Words.Count;
        if (count < minWords)
        {
            return new Rejection(Name, count, minWords);
        }

        return count > maxWords ? new Rejection(Name, count, maxWords) : null;
    }
}
