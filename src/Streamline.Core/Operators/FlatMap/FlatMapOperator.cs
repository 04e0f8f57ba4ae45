using Streamline.Core.Records;

namespace Streamline.Core.Operators.FlatMap;

/// <summary>
/// Zero or more outputs per input: <c>stream.FlatMap((x, out) =&gt; ...)</c>. Outputs carry the
/// input's timestamp and headers.
/// </summary>
public sealed class FlatMapOperator<TIn, TOut>(Action<TIn, ICollector<TOut>> flatMap) : UserFunctionOperator<TIn, TOut>, ICollector<TOut>
{
    private long _timestamp;
    private RecordHeaders? _headers;

    public override void ProcessRecord(in Record<TIn> record)
    {
        _timestamp = record.Timestamp;
        _headers = record.Headers;
        try { flatMap(record.Value, this); }
        catch (Exception e) { Reject(record, e); }
    }

    void ICollector<TOut>.Collect(TOut value) => Output.Emit(new Record<TOut>(value, _timestamp, _headers));
}
