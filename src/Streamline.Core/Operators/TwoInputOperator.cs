using Streamline.Core.Records;

namespace Streamline.Core.Operators;

/// <summary>An operator with two inputs of different types (joins, connected streams).</summary>
public abstract class TwoInputOperator<TIn1, TIn2, TOut> : StreamOperator<TOut>
{
    public abstract void ProcessRecord1(in Record<TIn1> record);

    public abstract void ProcessRecord2(in Record<TIn2> record);
}
