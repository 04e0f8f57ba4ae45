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
    private KeyedProcessHost<K, TOut> _host = null!;

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

    public KeyedStateBackend<K> Backend => _host.Backend;

    public override long NextProcessingTimer => _host.NextProcessingTimer;

    public override void Open()
    {
        _host = new KeyedProcessHost<K, TOut>(Context, _keySerde, Output, SideOutputById, _function.OnTimer);
        _function.Open(_host.Context);
    }

    public override void ProcessRecord1(in Record<TIn1> record)
    {
        _host.BeginRecord(_key1(record.Value), record.Timestamp, record.Headers);
        _function.ProcessElement1(record.Value, _host.Context);
    }

    public override void ProcessRecord2(in Record<TIn2> record)
    {
        _host.BeginRecord(_key2(record.Value), record.Timestamp, record.Headers);
        _function.ProcessElement2(record.Value, _host.Context);
    }

    public override void OnWatermark(long watermark) => _host.OnWatermark(watermark);

    public override void OnProcessingTime(long now) => _host.OnProcessingTime(now);

    public override void OnEndOfInput() => _host.OnWatermark(long.MaxValue);
}
