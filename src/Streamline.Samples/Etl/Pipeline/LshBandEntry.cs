namespace Streamline.Samples.Etl.Pipeline;

/// <summary>One document under one of its LSH band keys: the input of the per-band near-duplicate check.</summary>
public sealed record LshBandEntry(long BandKey, int Band, long Sequence, string DocumentId, ulong[] Signature);
