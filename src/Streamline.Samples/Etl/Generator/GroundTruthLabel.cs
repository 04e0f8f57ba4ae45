using System.Collections.Immutable;

namespace Streamline.Samples.Etl.Generator;

/// <summary>What the pipeline is expected to do with a generated document.</summary>
public sealed record GroundTruthLabel
{
    public required string DocumentId { get; init; }

    public required DocumentCategory Category { get; init; }

    /// <summary>True when the document should reach a shard (passes quality and is not a duplicate).</summary>
    public required bool ExpectedKept { get; init; }

    /// <summary>Name of the quality rule expected to reject it first (see <c>IQualityRule.Name</c>), if any.</summary>
    public string? ExpectedRejectionRule { get; init; }

    /// <summary>Id of the earlier document with identical text.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>Id of the earlier document this one was derived from by word edits.</summary>
    public string? NearDuplicateOf { get; init; }

    /// <summary>Exact 5-gram shingle Jaccard with <see cref="NearDuplicateOf"/>, as measured by the generator.</summary>
    public double? NearDuplicateJaccard { get; init; }

    /// <summary>The level the edits aimed at (the measured value is within a few hundredths of it).</summary>
    public double? TargetJaccard { get; init; }

    public ImmutableArray<PlantedPii> PlantedPii { get; init; } = [];

    /// <summary>Card-like numbers failing the Luhn check, planted to prove the scrubber leaves them alone.</summary>
    public ImmutableArray<string> LuhnInvalidDecoys { get; init; } = [];

    /// <summary>ISO 639-1 language of the text.</summary>
    public string Language { get; init; } = "en";

    /// <summary>For HTML documents: the text normalization should produce (boilerplate removed).</summary>
    public string? ExpectedNormalizedText { get; init; }
}
