namespace Streamline.Samples.Etl.Pipeline;

/// <summary>A document dropped because the earlier document <see cref="DuplicateOf"/> has an estimated Jaccard at or above the threshold.</summary>
public sealed record NearDuplicate(long Sequence, string Id, string DuplicateOf, long DuplicateSequence, double EstimatedJaccard);
