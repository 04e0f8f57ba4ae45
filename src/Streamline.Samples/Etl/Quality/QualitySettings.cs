using System.Collections.Immutable;
using Akka.Configuration;

namespace Streamline.Samples.Etl.Quality;

/// <summary>
/// Thresholds of the Gopher (Rae et al. 2021) and C4 (Raffel et al. 2020) heuristics. Defaults are in
/// <c>reference.conf</c> under <see cref="ConfigPath"/>, each with the reason for its value.
/// </summary>
public sealed record QualitySettings
{
    public const string ConfigPath = "streamline.samples.etl.quality";

    public int MinWords { get; init; }

    public int MaxWords { get; init; }

    public double MinMeanWordLength { get; init; }

    public double MaxMeanWordLength { get; init; }

    public double MaxSymbolWordRatio { get; init; }

    public double MaxBulletLineRatio { get; init; }

    public double MaxEllipsisLineRatio { get; init; }

    public double MinAlphabeticWordRatio { get; init; }

    public int MinStopWords { get; init; }

    public ImmutableArray<string> StopWords { get; init; } = [];

    public double MinLineEndPunctuationRatio { get; init; }

    public double MaxDuplicateLineFraction { get; init; }

    public double MaxDuplicateLineCharFraction { get; init; }

    public ImmutableArray<NGramThreshold> TopNGrams { get; init; } = [];

    public ImmutableArray<NGramThreshold> DuplicateNGrams { get; init; } = [];

    public static QualitySettings Default { get; } = FromConfig(SamplesConfig.Reference);

    /// <summary>Reads <see cref="ConfigPath"/> from a root config; missing keys fall back to reference.conf.</summary>
    public static QualitySettings FromConfig(Config config)
    {
        var c = SamplesConfig.Section(config, ConfigPath);
        return new QualitySettings
        {
            MinWords = c.GetInt("min-words"),
            MaxWords = c.GetInt("max-words"),
            MinMeanWordLength = c.GetDouble("min-mean-word-length"),
            MaxMeanWordLength = c.GetDouble("max-mean-word-length"),
            MaxSymbolWordRatio = c.GetDouble("max-symbol-word-ratio"),
            MaxBulletLineRatio = c.GetDouble("max-bullet-line-ratio"),
            MaxEllipsisLineRatio = c.GetDouble("max-ellipsis-line-ratio"),
            MinAlphabeticWordRatio = c.GetDouble("min-alphabetic-word-ratio"),
            MinStopWords = c.GetInt("min-stop-words"),
            StopWords = [.. c.GetStringList("stop-words").Select(w => w.ToLowerInvariant())],
            MinLineEndPunctuationRatio = c.GetDouble("min-line-end-punctuation-ratio"),
            MaxDuplicateLineFraction = c.GetDouble("max-duplicate-line-fraction"),
            MaxDuplicateLineCharFraction = c.GetDouble("max-duplicate-line-char-fraction"),
            TopNGrams = Pairs(c, "top-ngram-sizes", "top-ngram-max-char-fractions"),
            DuplicateNGrams = Pairs(c, "duplicate-ngram-sizes", "duplicate-ngram-max-char-fractions"),
        };
    }

    private static ImmutableArray<NGramThreshold> Pairs(Config c, string sizesKey, string fractionsKey)
    {
        var sizes = c.GetIntList(sizesKey);
        var fractions = c.GetDoubleList(fractionsKey);
        if (sizes.Count != fractions.Count)
        {
            throw new ConfigurationException(
                $"{ConfigPath}.{sizesKey} and {fractionsKey} must have the same length ({sizes.Count} vs {fractions.Count}).");
        }

        return [.. sizes.Zip(fractions, (n, f) => new NGramThreshold(n, f))];
    }
}
