using Streamline.Core.Records;

namespace Streamline.Core.Operators.Map;

/// <summary>One output per input: <c>stream.Map(f)</c>.</summary>
public sealed class MapOperator<TIn, TOut>(Func<TIn, TOut> map) : UserFunctionOperator<TIn, TOut>
{
    public override void ProcessRecord(in Record<TIn> record)
    {
        TOut result;
        try { result = map(record.Value); }
        catch (Exception e) { Reject(record, e); return; }
        Output.Emit(new Record<TOut>(result, record.Timestamp, record.Headers));
    }
}
