namespace Streamline.Core.Operators.Process;

/// <summary>
/// Per-record user logic on an unkeyed stream that may emit any number of results to the main
/// output and to side outputs (splits, routing, validation with rejects).
/// </summary>
public abstract class ProcessFunction<TIn, TOut>
{
    public virtual void Open(ProcessContext<TOut> context) { }

    public abstract void ProcessElement(TIn value, ProcessContext<TOut> context);
}
