namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>
/// Gopher: coherent English uses function words. Counts occurrences (as the Gopher reference implementation
/// does), which also rejects non-English pages cheaply.
/// </summary>
public sealed class StopWordRule(IEnumerable<string> stopWords, int minOccurrences) : IQualityRule
{
    private readonly HashSet<string> _stopWords = new(stopWords, StringComparer.Ordinal);

    public string Name => "stop-words";

    public Rejection? Evaluate(QualityDocument document)
    {
        var found = 0;
        foreach (var word in document.LowerWords)
        {
            if (_stopWords.Contains(word) && ++found >= minOccurrences)
            {
                return null;
            }
        }

        return new Rejection(Name, found, minOccurrences);
    }
}
