using Streamline.Samples.Clickstream;
using Xunit;

namespace Streamline.Samples.Tests.Clickstream;

public sealed class ZipfSamplerTests
{
    [Fact]
    public void Probabilities_follow_the_power_law_and_sum_to_one()
    {
        var zipf = new ZipfSampler(100, 1.2);

        Assert.Equal(1.0, Enumerable.Range(0, 100).Sum(zipf.Probability), 9);
        Assert.Equal(Math.Pow(2, 1.2), zipf.Probability(0) / zipf.Probability(1), 9);
        Assert.Equal(Math.Pow(10, 1.2), zipf.Probability(0) / zipf.Probability(9), 9);
    }

    [Fact]
    public void Sample_frequencies_match_probabilities()
    {
        var zipf = new ZipfSampler(50, 1.0);
        var random = new Random(3);
        var counts = new int[50];
        const int draws = 200_000;
        for (var i = 0; i < draws; i++)
        {
            counts[zipf.Sample(random)]++;
        }

        // Within 5 standard errors for the head ranks.
        foreach (var rank in new[] { 0, 1, 4, 9 })
        {
            var p = zipf.Probability(rank);
            var sigma = Math.Sqrt(p * (1 - p) / draws);
            Assert.InRange(counts[rank] / (double)draws, p - (5 * sigma), p + (5 * sigma));
        }
    }

    [Fact]
    public void Exponent_zero_is_uniform()
    {
        var zipf = new ZipfSampler(4, 0);

        Assert.All(Enumerable.Range(0, 4), k => Assert.Equal(0.25, zipf.Probability(k), 12));
    }
}
