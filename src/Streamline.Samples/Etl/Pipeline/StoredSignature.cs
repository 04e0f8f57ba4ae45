namespace Streamline.Samples.Etl.Pipeline;

/// <summary>A document remembered in an LSH band bucket (keyed list state) to compare later documents against.</summary>
public sealed record StoredSignature(long Sequence, string DocumentId, ulong[] Signature);
