using Streamline.Core.Records;

namespace Streamline.Core.Operators;

/// <summary>An operator with one input.</summary>
public abstract class OneInputOperator<TIn, TOut> : StreamOperator<TOut>
{
    public abstract void ProcessRecord(in Record<TIn> record);

    /// <summary>Processes a batch; the operator owns it afterwards (releases or forwards it).</summary>
    public virtual void ProcessBatch(RecordBatch<TIn> batch)
    {
        foreach (ref readonly var record in batch.Records) ProcessRecord(in record);
        batch.Release();
    }
}
