using Streamline.Samples.Etl.Dedup;
using Streamline.Samples.Etl.Generator;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.Samples.Tests.Etl.Dedup;

public sealed class MinHashTests(ITestOutputHelper output)
{
    private static readonly MinHasher Hasher = new();

    [Fact]
    public void Default_settings_come_from_reference_conf()
    {
        var settings = MinHashSettings.Default;

        Assert.Equal(128, settings.Permutations);
        Assert.Equal((16, 8, 5), (settings.Bands, settings.RowsPerBand, settings.ShingleSize));
        Assert.InRange(settings.CandidateProbability(0.8), 0.94, 0.96);
        Assert.InRange(settings.CandidateProbability(0.5), 0.05, 0.07);
    }

    [Fact]
    public void Signatures_and_band_keys_are_deterministic_across_instances()
    {
        const string text = "a quiet river carried the old boat past the mill and into the valley at dawn";

        var first = new MinHasher().Signature(text);
        var second = new MinHasher().Signature(text);

        Assert.Equal(first, second);
        Assert.Equal(new MinHasher().BandKeys(first), Hasher.BandKeys(second));
        Assert.Equal(16, Hasher.BandKeys(first).Select(k => k.Band).Distinct().Count());
    }

    [Fact]
    public void Different_seeds_give_different_signatures()
    {
        const string text = "a quiet river carried the old boat past the mill and into the valley at dawn";
        var other = new MinHasher(MinHashSettings.Default with { Seed = 1 });

        Assert.NotEqual(Hasher.Signature(text), other.Signature(text));
    }

    [Fact]
    public void Band_key_string_form_is_fixed_width()
    {
        Assert.Equal("03:00000000000000ff", new LshBandKey(3, 0xff).ToString());
        Assert.NotEqual(new LshBandKey(0, 42).ToUInt64(), new LshBandKey(1, 42).ToUInt64());
    }

    [Fact]
    public void Estimated_jaccard_tracks_exact_jaccard()
    {
        var pairs = GeneratePairs(seed: 11, count: 100, minJaccard: 0.0, maxJaccard: 1.0);
        var errors = pairs.Select(p => MinHasher.EstimateJaccard(Hasher.Signature(p.A), Hasher.Signature(p.B)) - p.Exact).ToList();
        var bias = errors.Average();
        var rmse = Math.Sqrt(errors.Average(e => e * e));

        // The estimator is unbiased with standard error sqrt(J(1-J)/128) <= 0.044 (0.029 averaged over uniform J).
        output.WriteLine($"bias {bias:F4}, rmse {rmse:F4}, max {errors.Max(Math.Abs):F3}");
        Assert.InRange(bias, -0.015, 0.015);
        Assert.InRange(rmse, 0, 0.045);
        Assert.All(errors, e => Assert.InRange(Math.Abs(e), 0, 0.2));
    }

    [Fact]
    public void Lsh_recall_at_high_similarity_and_false_positives_at_low_similarity()
    {
        var similar = GeneratePairs(seed: 21, count: 300, minJaccard: 0.8, maxJaccard: 0.97);
        var dissimilar = GeneratePairs(seed: 22, count: 1500, minJaccard: 0.0, maxJaccard: 0.49);

        Assert.All(similar, p => Assert.True(p.Exact >= 0.8 - 0.03, $"pair at {p.Exact}"));
        Assert.All(dissimilar, p => Assert.True(p.Exact < 0.5, $"pair at {p.Exact}"));
        var recall = similar.Count(p => Hasher.AreCandidates(Hasher.Signature(p.A), Hasher.Signature(p.B))) / (double)similar.Count;
        var falsePositives = dissimilar.Count(p => Hasher.AreCandidates(Hasher.Signature(p.A), Hasher.Signature(p.B))) / (double)dissimilar.Count;

        output.WriteLine($"recall {recall:P2}, false-positive rate {falsePositives:P2}");
        Assert.True(recall >= 0.95, $"recall {recall:P2}");
        Assert.True(falsePositives <= 0.01, $"false-positive rate {falsePositives:P2}");
    }

    [Fact]
    public void Identical_texts_share_every_band()
    {
        var text = new EnglishTextGenerator(new Random(5)).Document(100);

        Assert.Equal(Hasher.BandKeys(Hasher.Signature(text)), Hasher.BandKeys(Hasher.Signature(text + " ")));
    }

    private static List<(string A, string B, double Exact)> GeneratePairs(int seed, int count, double minJaccard, double maxJaccard)
    {
        var random = new Random(seed);
        var english = new EnglishTextGenerator(random);
        var pairs = new List<(string, string, double)>(count);
        for (var i = 0; i < count; i++)
        {
            var baseText = english.Document(250);
            var target = minJaccard + (random.NextDouble() * (maxJaccard - minJaccard));
            var edited = NearDuplicateEditor.Edit(baseText, target, random, 5, out var achieved);
            pairs.Add((baseText, edited, achieved));
        }

        return pairs;
    }
}
