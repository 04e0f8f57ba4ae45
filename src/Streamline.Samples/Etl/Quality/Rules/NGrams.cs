namespace Streamline.Samples.Etl.Quality.Rules;

/// <summary>
/// Word n-grams of a <see cref="QualityDocument"/> identified by their start position, compared by word id, so
/// the n-gram rules (nine passes over every document by default) never build an n-gram string.
/// </summary>
internal sealed class NGrams : IEqualityComparer<int>
{
    private readonly int[] _ids;
    private readonly int[] _offsets;
    private readonly int _n;

    public NGrams(QualityDocument document, int n)
    {
        _ids = document.LowerWordIds;
        _offsets = document.LowerWordOffsets;
        _n = n;
    }

    /// <summary>Length of the n-gram at <paramref name="start"/> written with single spaces (as the joined string would be).</summary>
    public int Length(int start) => _offsets[start + _n] - _offsets[start] + _n - 1;

    /// <summary>Characters of the n-gram's words without the separating spaces.</summary>
    public int WordChars(int start) => _offsets[start + _n] - _offsets[start];

    public bool Equals(int x, int y) => _ids.AsSpan(x, _n).SequenceEqual(_ids.AsSpan(y, _n));

    public int GetHashCode(int start)
    {
        var hash = default(HashCode);
        foreach (var id in _ids.AsSpan(start, _n))
        {
            hash.Add(id);
        }

        return hash.ToHashCode();
    }
}
