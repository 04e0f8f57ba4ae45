using Streamline.Samples.Etl.Quality;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>A document the quality filter dropped: which rule, what it measured, the threshold it crossed.</summary>
public sealed record QualityReject(long Sequence, string Id, string Url, Rejection Rejection);
