using Streamline.Core.Records;

namespace Streamline.Core.Operators.Filter;

/// <summary>Keeps the records the predicate accepts: <c>stream.Filter(p)</c>.</summary>
public sealed class FilterOperator<T>(Func<T, bool> predicate) : UserFunctionOperator<T, T>
{
    public override void ProcessRecord(in Record<T> record)
    {
        bool keep;
        try { keep = predicate(record.Value); }
        catch (Exception e) { Reject(record, e); return; }
        if (keep) Output.Emit(record);
    }
}
