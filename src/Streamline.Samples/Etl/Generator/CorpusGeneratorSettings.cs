using System.Collections.Immutable;

namespace Streamline.Samples.Etl.Generator;

/// <summary>Sizes of each planted category; the defaults make a corpus of a few hundred documents generated in well under a second.</summary>
public sealed record CorpusGeneratorSettings
{
    public int Seed { get; init; } = 1234;

    public int GoodDocuments { get; init; } = 120;

    public int HtmlDocuments { get; init; } = 12;

    public int PiiDocuments { get; init; } = 12;

    public int ExactDuplicates { get; init; } = 10;

    public int NearDuplicatesPerLevel { get; init; } = 6;

    public ImmutableArray<double> NearDuplicateJaccards { get; init; } = [0.95, 0.85, 0.7];

    /// <summary>Near-duplicates at or above this Jaccard are expected to be dropped by dedup.</summary>
    public double DedupJaccardThreshold { get; init; } = 0.8;

    /// <summary>Documents per low-quality category (too short, gibberish, symbol-heavy, ...).</summary>
    public int RejectsPerCategory { get; init; } = 4;

    public int NonEnglishPerLanguage { get; init; } = 3;

    /// <summary>Minimum words of a good document; ~300 gives near-duplicate levels a 0.01 Jaccard resolution.</summary>
    public int MinWordsPerDocument { get; init; } = 300;

    public DateTimeOffset StartTime { get; init; } = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
}
