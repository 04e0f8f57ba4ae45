namespace Streamline.Samples.Clickstream;

/// <summary>
/// Samples ranks 0..n-1 with P(k) ∝ 1/(k+1)^s via a precomputed CDF and binary search (O(log n) per draw),
/// the usual model for popularity of users and pages.
/// </summary>
public sealed class ZipfSampler
{
    private readonly double[] _cdf;

    public ZipfSampler(int n, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        _cdf = new double[n];
        var sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            sum += 1.0 / Math.Pow(k + 1, exponent);
            _cdf[k] = sum;
        }

        for (var k = 0; k < n; k++)
        {
            _cdf[k] /= sum;
        }

        _cdf[^1] = 1.0;
    }

    public int Count => _cdf.Length;

    public double Probability(int rank) => rank == 0 ? _cdf[0] : _cdf[rank] - _cdf[rank - 1];

    public int Sample(Random random)
    {
        var u = random.NextDouble();
        var index = Array.BinarySearch(_cdf, u);
        return index >= 0 ? index : Math.Min(~index, _cdf.Length - 1);
    }
}
