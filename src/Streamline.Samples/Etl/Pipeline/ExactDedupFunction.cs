using Streamline.Core.Operators;
using Streamline.Core.Operators.Process;
using Streamline.Core.State;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// Exact dedup keyed by the content hash: the first document with a given text is kept and its id stored in
/// the value state "seen"; every later one goes to <see cref="Duplicates"/>. For an endless stream give
/// "seen" a TTL (StateOptions) so the state stays bounded; a bounded corpus needs none.
/// </summary>
public sealed class ExactDedupFunction : KeyedProcessFunction<string, PipelineDocument, PipelineDocument>
{
    public static readonly OutputTag<ExactDuplicate> Duplicates = new("exact-duplicates");

    private IValueState<string> _seen = null!;

    public override void Open(KeyedProcessContext<string, PipelineDocument> context) => _seen = context.GetValueState<string>("seen");

    public override void ProcessElement(PipelineDocument value, KeyedProcessContext<string, PipelineDocument> context)
    {
        if (_seen.HasValue)
        {
            context.EmitTo(Duplicates, new ExactDuplicate(value.Sequence, value.Id, _seen.Value!));
            return;
        }

        _seen.Value = value.Id;
        context.Emit(value);
    }
}
