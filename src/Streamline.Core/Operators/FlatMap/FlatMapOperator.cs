using Streamline.Core.Records;

namespace Streamline.Core.Operators.FlatMap;

/// <summary>
/// Zero or more outputs per input: <c>stream.FlatMap((x, out) =&gt; ...)</c>. Outputs carry the
/// input's timestamp and headers.
/// </summary>
public sealed class FlatMapOperator<TIn, TOut>(Action<TIn, ICollector<TOut>> flatMap) : UserFunctionOperator<TIn, TOut>, ICollector<TOut>
{
    // Outputs of one input are held until the function returns: a record that fails emits nothing
    // (it goes to the dead letters whole), so reprocessing a dead letter never duplicates output.
    private readonly List<TOut> _pending = new();

    public override void ProcessRecord(in Record<TIn> record)
    {
        _pending.Clear();
        try { flatMap(record.Value, this); }
        catch (Exception e)
        {
            _pending.Clear();
            Reject(record, e);
            return;
        }
        foreach (var value in _pending) Output.Emit(new Record<TOut>(value, record.Timestamp, record.Headers));
        _pending.Clear();
    }

    void ICollector<TOut>.Collect(TOut value) => _pending.Add(value);
}
