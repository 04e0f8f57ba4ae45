using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.State;

namespace Streamline.Core.Operators.Process;

/// <summary>
/// The keyed state, timers and context shared by the keyed process operators (one and two
/// inputs): the per-record key and timestamp, and firing timers with the key they belong to.
/// </summary>
internal sealed class KeyedProcessHost<K, TOut> where K : notnull
{
    private readonly OperatorContext _operator;
    private readonly KeyedTimerService<K> _timers;
    private readonly Action<long, TimeDomain, KeyedProcessContext<K, TOut>> _onTimer;
    private readonly Action<long> _onEventTimer;
    private readonly Action<long> _onProcessingTimer;

    public KeyedProcessHost(OperatorContext context, ISerde<K> keySerde, Output<TOut> output, Func<string, object?> sideOutput,
        Action<long, TimeDomain, KeyedProcessContext<K, TOut>> onTimer)
    {
        _operator = context;
        _onTimer = onTimer;
        _onEventTimer = t => Fire(t, TimeDomain.EventTime);
        _onProcessingTimer = t => Fire(t, TimeDomain.ProcessingTime);
        Backend = new KeyedStateBackend<K>(context.KeyGroups, context.MaxParallelism, keySerde, context.Clock);
        context.OnStateCreated?.Invoke(context, Backend);
        _timers = new KeyedTimerService<K>(Backend, keySerde);
        // Timer queues live in memory: refill them from restored state, now and after any later restore.
        _timers.RebuildQueues();
        Backend.Restored += _timers.RebuildQueues;
        Context = new KeyedProcessContext<K, TOut>(context, Backend, _timers, output, sideOutput);
    }

    public KeyedStateBackend<K> Backend { get; }

    public KeyedProcessContext<K, TOut> Context { get; }

    public long NextProcessingTimer => _timers.NextProcessingTimer;

    /// <summary>Makes <paramref name="key"/> current and the record's time and headers visible to user code.</summary>
    public void BeginRecord(K key, long timestamp, RecordHeaders? headers)
    {
        Backend.SetCurrentKey(key);
        Context.Timestamp = timestamp;
        Context.Headers = headers;
    }

    public void OnWatermark(long watermark) => _timers.Fire(TimeDomain.EventTime, watermark, _onEventTimer);

    public void OnProcessingTime(long now) => _timers.Fire(TimeDomain.ProcessingTime, now, _onProcessingTimer);

    private void Fire(long timestamp, TimeDomain domain)
    {
        Context.Timestamp = domain == TimeDomain.EventTime ? timestamp : _operator.CurrentWatermark;
        Context.Headers = null;
        _onTimer(timestamp, domain, Context);
    }
}
