using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.State;

namespace Streamline.Core.Operators.Process;

/// <summary>Runs a <see cref="KeyedProcessFunction{K,TIn,TOut}"/>: <c>keyed.Process(fn)</c>.</summary>
public sealed class KeyedProcessOperator<K, TIn, TOut> : OneInputOperator<TIn, TOut> where K : notnull
{
    private readonly Func<TIn, K> _keySelector;
    private readonly ISerde<K> _keySerde;
    private readonly KeyedProcessFunction<K, TIn, TOut> _function;
    private readonly IReadOnlyList<IOutputTag> _tags;
    private KeyedProcessHost<K, TOut> _host = null!;

    public KeyedProcessOperator(Func<TIn, K> keySelector, ISerde<K> keySerde, KeyedProcessFunction<K, TIn, TOut> function, IReadOnlyList<IOutputTag> sideOutputs)
    {
        _keySelector = keySelector;
        _keySerde = keySerde;
        _function = function;
        _tags = sideOutputs;
    }

    public override IReadOnlyList<IOutputTag> SideOutputTags => _tags;

    public KeyedStateBackend<K> Backend => _host.Backend;

    public override long NextProcessingTimer => _host.NextProcessingTimer;

    public override void Open()
    {
        // An output nobody asked for in the pipeline has no outlet: emissions to it are dropped.
        _host = new KeyedProcessHost<K, TOut>(Context, _keySerde, Output, SideOutputById, _function.OnTimer);
        _function.Open(_host.Context);
    }

    public override void ProcessRecord(in Record<TIn> record)
    {
        _host.BeginRecord(_keySelector(record.Value), record.Timestamp, record.Headers);
        _function.ProcessElement(record.Value, _host.Context);
    }

    public override void OnWatermark(long watermark) => _host.OnWatermark(watermark);

    public override void OnProcessingTime(long now) => _host.OnProcessingTime(now);

    public override void OnEndOfInput() => _host.OnWatermark(long.MaxValue);
}
