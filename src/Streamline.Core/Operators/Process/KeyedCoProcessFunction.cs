namespace Streamline.Core.Operators.Process;

/// <summary>
/// User logic over two keyed streams sharing a key type (joins, enrichment): both inputs see the
/// same keyed state and timers of the current key.
/// </summary>
public abstract class KeyedCoProcessFunction<K, TIn1, TIn2, TOut> where K : notnull
{
    public virtual void Open(KeyedProcessContext<K, TOut> context) { }

    public abstract void ProcessElement1(TIn1 value, KeyedProcessContext<K, TOut> context);

    public abstract void ProcessElement2(TIn2 value, KeyedProcessContext<K, TOut> context);

    public virtual void OnTimer(long timestamp, TimeDomain domain, KeyedProcessContext<K, TOut> context) { }
}
