using Streamline.Core.Records;

namespace Streamline.Core.Operators.Process;

/// <summary>Runs a <see cref="ProcessFunction{TIn,TOut}"/>: <c>stream.Process(fn, tags)</c>. Exceptions go to the dead letters.</summary>
public sealed class ProcessOperator<TIn, TOut>(ProcessFunction<TIn, TOut> function, IReadOnlyList<IOutputTag> sideOutputs) : UserFunctionOperator<TIn, TOut>
{
    private ProcessContext<TOut> _ctx = null!;

    public override IReadOnlyList<IOutputTag> SideOutputTags => sideOutputs.Append(DeadLetters.Tag).ToArray();

    public override void Open()
    {
        base.Open();
        _ctx = new ProcessContext<TOut>(Context, Output, SideOutputById);
        function.Open(_ctx);
    }

    public override void ProcessRecord(in Record<TIn> record)
    {
        _ctx.Timestamp = record.Timestamp;
        _ctx.Headers = record.Headers;
        try { function.ProcessElement(record.Value, _ctx); }
        catch (Exception e) { Reject(record, e); }
    }
}
