using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.State;

namespace Streamline.Core.Operators.Process;

/// <summary>Runs a <see cref="KeyedCoProcessFunction{K,TIn1,TIn2,TOut}"/>: <c>keyed1.Connect(keyed2).Process(fn)</c>.</summary>
public sealed class KeyedCoProcessOperator<K, TIn1, TIn2, TOut> : TwoInputOperator<TIn1, TIn2, TOut> where K : notnull
{
    private readonly Func<TIn1, K> _key1;
    private readonly Func<TIn2, K> _key2;
    private readonly ISerde<K> _keySerde;
    private readonly KeyedCoProcessFunction<K, TIn1, TIn2, TOut> _function;
    private readonly IReadOnlyList<IOutputTag> _tags;
    private KeyedTimerService<K> _timers = null!;
    private KeyedProcessContext<K, TOut> _ctx = null!;

    public KeyedCoProcessOperator(Func<TIn1, K> key1, Func<TIn2, K> key2, ISerde<K> keySerde,
        KeyedCoProcessFunction<K, TIn1, TIn2, TOut> function, IReadOnlyList<IOutputTag> sideOutputs)
    {
        _key1 = key1;
        _key2 = key2;
        _keySerde = keySerde;
        _function = function;
        _tags = sideOutputs;
    }

    public override IReadOnlyList<IOutputTag> SideOutputTags => _tags;

    public KeyedStateBackend<K> Backend { get; private set; } = null!;

    public override long NextProcessingTimer => _timers.NextProcessingTimer;

    public override void Open()
    {
        Backend = new KeyedStateBackend<K>(Context.KeyGroups, Context.MaxParallelism, _keySerde, Context.Clock);
        Context.OnStateCreated?.Invoke(Context, Backend);
        _timers = new KeyedTimerService<K>(Backend, _keySerde);
        _ctx = new KeyedProcessContext<K, TOut>(Context, Backend, _timers, Output, SideOutputById);
        _function.Open(_ctx);
    }

    public override void ProcessRecord1(in Record<TIn1> record)
    {
        Backend.SetCurrentKey(_key1(record.Value));
        _ctx.Timestamp = record.Timestamp;
        _ctx.Headers = record.Headers;
        _function.ProcessElement1(record.Value, _ctx);
    }

    public override void ProcessRecord2(in Record<TIn2> record)
    {
        Backend.SetCurrentKey(_key2(record.Value));
        _ctx.Timestamp = record.Timestamp;
        _ctx.Headers = record.Headers;
        _function.ProcessElement2(record.Value, _ctx);
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
}
