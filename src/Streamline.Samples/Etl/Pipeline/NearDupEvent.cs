namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// Input of the per-document verdict stage, which joins two streams by document sequence: the document itself
/// (<see cref="Document"/> set) and one verdict per LSH band (<see cref="Band"/> ≥ 0, with the earliest similar
/// document of that band, if any). One type because Union needs one.
/// </summary>
public sealed record NearDupEvent(long Sequence, PipelineDocument? Document, int Band, string? DuplicateOf, long DuplicateSequence, double Similarity)
{
    public static NearDupEvent ForDocument(PipelineDocument document) => new(document.Sequence, document, -1, null, -1, 0);

    public static NearDupEvent ForBand(long sequence, int band, StoredSignature? match, double similarity) =>
        new(sequence, null, band, match?.DocumentId, match?.Sequence ?? -1, match is null ? 0 : similarity);
}
