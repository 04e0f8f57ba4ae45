using Streamline.Core.Operators;
using Streamline.Core.Operators.Process;
using Streamline.Core.State;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// One final near-dup verdict per document, keyed by its sequence: waits for the document and the verdicts of
/// all its bands (their number is known), then emits the document as kept, or a <see cref="NearDuplicate"/>
/// naming the earliest similar document any band found, and clears the key's state.
/// </summary>
public sealed class NearDupVerdictFunction : KeyedProcessFunction<long, NearDupEvent, PipelineDocument>
{
    public static readonly OutputTag<NearDuplicate> NearDuplicates = new("near-duplicates");

    private readonly int _bands;
    private IValueState<PipelineDocument> _document = null!;
    private IValueState<int> _reported = null!;
    private IValueState<NearDupEvent> _earliestMatch = null!;

    public NearDupVerdictFunction(int bands)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        _bands = bands;
    }

    public override void Open(KeyedProcessContext<long, PipelineDocument> context)
    {
        _document = context.GetValueState<PipelineDocument>("document");
        _reported = context.GetValueState<int>("bands-reported");
        _earliestMatch = context.GetValueState<NearDupEvent>("earliest-match");
    }

    public override void ProcessElement(NearDupEvent value, KeyedProcessContext<long, PipelineDocument> context)
    {
        if (value.Document is not null)
        {
            _document.Value = value.Document;
        }
        else
        {
            _reported.Value++;
            if (value.DuplicateOf is not null && IsEarlier(value, _earliestMatch.Value))
            {
                _earliestMatch.Value = value;
            }
        }

        if (!_document.HasValue || _reported.Value < _bands)
        {
            return;
        }

        var document = _document.Value!;
        if (_earliestMatch.Value is { DuplicateOf: { } duplicateOf } match)
        {
            context.EmitTo(NearDuplicates, new NearDuplicate(document.Sequence, document.Id, duplicateOf, match.DuplicateSequence, match.Similarity));
        }
        else
        {
            context.Emit(document);
        }

        _document.Clear();
        _reported.Clear();
        _earliestMatch.Clear();
    }

    // Earliest similar document wins; equal documents (several bands found the same one) keep the best estimate.
    private static bool IsEarlier(NearDupEvent candidate, NearDupEvent? current) =>
        current is null
        || candidate.DuplicateSequence < current.DuplicateSequence
        || (candidate.DuplicateSequence == current.DuplicateSequence && candidate.Similarity > current.Similarity);
}
