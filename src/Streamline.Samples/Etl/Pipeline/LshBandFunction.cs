using Streamline.Core.Operators.Process;
using Streamline.Core.State;
using Streamline.Samples.Etl.Dedup;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// Near-dup check within one LSH bucket (keyed by band key). The bucket's list state holds the signatures of
/// the documents that reached it (up to a cap); an incoming document is compared against those that come
/// earlier in the input and the earliest one with estimated Jaccard ≥ threshold is reported. Sharing a band is
/// only a candidate signal (the 16×8 S-curve's knee is ~0.71), hence the estimate check. Every entry yields
/// exactly one verdict so the verdict stage knows when a document's bands are complete.
/// </summary>
public sealed class LshBandFunction : KeyedProcessFunction<long, LshBandEntry, NearDupEvent>
{
    private readonly double _threshold;
    private readonly int _maxSignatures;
    private IListState<StoredSignature> _members = null!;

    public LshBandFunction(double threshold, int maxSignatures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSignatures, 1);
        _threshold = threshold;
        _maxSignatures = maxSignatures;
    }

    public override void Open(KeyedProcessContext<long, NearDupEvent> context) => _members = context.GetListState<StoredSignature>("members");

    public override void ProcessElement(LshBandEntry value, KeyedProcessContext<long, NearDupEvent> context)
    {
        var members = _members.Get();
        StoredSignature? match = null;
        var similarity = 0.0;
        foreach (var member in members)
        {
            // Only earlier documents can make this one a duplicate: that is what makes "first wins" hold.
            if (member.Sequence >= value.Sequence || (match is not null && member.Sequence > match.Sequence))
            {
                continue;
            }

            var estimate = MinHasher.EstimateJaccard(member.Signature, value.Signature);
            if (estimate >= _threshold)
            {
                match = member;
                similarity = estimate;
            }
        }

        if (members.Count < _maxSignatures)
        {
            _members.Add(new StoredSignature(value.Sequence, value.DocumentId, value.Signature));
        }

        context.Emit(NearDupEvent.ForBand(value.Sequence, value.Band, match, similarity));
    }
}
