using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.State;

namespace Streamline.Core.Operators.Process;

/// <summary>Runs a <see cref="KeyedProcessFunction{K,TIn,TOut}"/>: <c>keyed.Process(fn)</c>.</summary>
public sealed class KeyedProcessOperator<K, TIn, TOut> : OneInputOperator<TIn, TOut> where K : notnull
{
    private readonly KeyedOperatorSupport<TIn, K> _keyed;
    private readonly KeyedProcessFunction<K, TIn, TOut> _function;
    private readonly IReadOnlyList<IOutputTag> _tags;
    private KeyedTimerService<K> _timers = null!;
    private KeyedProcessContext<K, TOut> _ctx = null!;

    public KeyedProcessOperator(Func<TIn, K> keySelector, ISerde<K> keySerde, KeyedProcessFunction<K, TIn, TOut> function, IReadOnlyList<IOutputTag> sideOutputs)
    {
        _keyed = new KeyedOperatorSupport<TIn, K>(keySelector, keySerde);
        _function = function;
        _tags = sideOutputs;
    }

    public override IReadOnlyList<IOutputTag> SideOutputTags => _tags;

    public KeyedStateBackend<K> Backend => _keyed.Backend;

    public override long NextProcessingTimer => _timers.NextProcessingTimer;

    public override void Open()
    {
        var backend = _keyed.Open(Context);
        _timers = new KeyedTimerService<K>(backend, _keyed.KeySerde);
        // Timer queues live in memory: refill them from restored state, now and after any later restore.
        _timers.RebuildQueues();
        backend.Restored += _timers.RebuildQueues;
        _ctx = new KeyedProcessContext<K, TOut>(Context, backend, _timers, Output, ResolveSideOutput);
        _function.Open(_ctx);
    }

    public override void ProcessRecord(in Record<TIn> record)
    {
        _keyed.SetCurrentKey(record.Value);
        _ctx.Timestamp = record.Timestamp;
        _ctx.Headers = record.Headers;
        _function.ProcessElement(record.Value, _ctx);
    }

    public override void OnWatermark(long watermark) => _timers.Fire(TimeDomain.EventTime, watermark, OnEventTimer);

    public override void OnProcessingTime(long now) => _timers.Fire(TimeDomain.ProcessingTime, now, OnProcessingTimer);

    public override void OnEndOfInput() => OnWatermark(long.MaxValue);

    private void OnEventTimer(long timestamp) => FireTimer(timestamp, TimeDomain.EventTime);

    private void OnProcessingTimer(long timestamp) => FireTimer(timestamp, TimeDomain.ProcessingTime);

    private void FireTimer(long timestamp, TimeDomain domain)
    {
        _ctx.Timestamp = domain == TimeDomain.EventTime ? timestamp : Context.CurrentWatermark;
        _ctx.Headers = null;
        _function.OnTimer(timestamp, domain, _ctx);
    }

    // An output nobody asked for in the pipeline has no outlet: emissions to it are dropped.
    private object? ResolveSideOutput(string id) => SideOutputById(id);
}
