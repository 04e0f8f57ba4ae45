namespace Streamline.Core.Operators.Process;

/// <summary>
/// User logic per key with keyed state and timers (the most general keyed operator). State
/// handles obtained from the context are scoped to the current key.
/// </summary>
public abstract class KeyedProcessFunction<K, TIn, TOut> where K : notnull
{
    /// <summary>Called once before the first record; obtain state handles here.</summary>
    public virtual void Open(KeyedProcessContext<K, TOut> context) { }

    public abstract void ProcessElement(TIn value, KeyedProcessContext<K, TOut> context);

    /// <summary>A timer registered for the current key fired.</summary>
    public virtual void OnTimer(long timestamp, TimeDomain domain, KeyedProcessContext<K, TOut> context) { }
}
