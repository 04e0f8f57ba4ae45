namespace Streamline.Samples.Etl.Pipeline;

/// <summary>A document whose normalized, scrubbed text equals that of the earlier document <see cref="DuplicateOf"/>.</summary>
public sealed record ExactDuplicate(long Sequence, string Id, string DuplicateOf);
