namespace Streamline.Samples.Etl.Dedup;

/// <summary>Exact Jaccard similarity of shingle sets: the ground truth MinHash estimates.</summary>
public static class Jaccard
{
    public static double Exact<T>(IReadOnlySet<T> a, IReadOnlySet<T> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1.0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var intersection = small.Count(large.Contains);
        return intersection / (double)(a.Count + b.Count - intersection);
    }

    public static double Exact(string a, string b, int shingleSize = 5) =>
        Exact(Shingles.Set(a, shingleSize), Shingles.Set(b, shingleSize));
}
