namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>Gopher: natural language has a mean word length of roughly 3-10 characters; gibberish and hashes do not.</summary>
public sealed class MeanWordLengthRule(double min, double max) : IQualityRule
{
    public string Name => "mean-word-length";

    public Rejection? Evaluate(QualityDocument document)
    {
        if (document.Words.Count == 0)
        {
            return new Rejection(Name, 0, min);
        }

        var mean = document.Words.Average(w => w.Length);
        if (mean < min)
        {
            return new Rejection(Name, mean, min);
        }

        return mean > max ? new Rejection(Name, mean, max) : null;
    }
}
