namespace Streamline.Samples.Etl.Pii;

/// <summary>The scrubbed text and how many values of each kind were replaced (kinds with zero hits are omitted).</summary>
public sealed record PiiScrubResult(string Text, IReadOnlyDictionary<PiiKind, int> Counts)
{
    public int Total => Counts.Values.Sum();

    public int CountOf(PiiKind kind) => Counts.GetValueOrDefault(kind);
}
