using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.State;

namespace Streamline.Core.Operators.Process;

/// <summary>What a <see cref="KeyedProcessFunction{K,TIn,TOut}"/> can see and do.</summary>
public sealed class KeyedProcessContext<K, TOut> where K : notnull
{
    private readonly OperatorContext _context;
    private readonly KeyedStateBackend<K> _backend;
    private readonly KeyedTimerService<K> _timers;
    private readonly Output<TOut> _output;
    private readonly Func<string, object?> _sideOutput;

    internal KeyedProcessContext(OperatorContext context, KeyedStateBackend<K> backend, KeyedTimerService<K> timers, Output<TOut> output, Func<string, object?> sideOutput)
    {
        _context = context;
        _backend = backend;
        _timers = timers;
        _output = output;
        _sideOutput = sideOutput;
    }

    public K CurrentKey => _backend.CurrentKey;

    /// <summary>Event timestamp of the record being processed, or the timer's time.</summary>
    public long Timestamp { get; internal set; }

    public long CurrentWatermark => _context.CurrentWatermark;

    public long CurrentProcessingTime => _context.Clock.Now;

    internal RecordHeaders? Headers { get; set; }

    public void Emit(TOut value) => _output.Emit(new Record<TOut>(value, Timestamp, Headers));

    public void Emit(TOut value, long timestamp) => _output.Emit(new Record<TOut>(value, timestamp, Headers));

    public void EmitTo<X>(OutputTag<X> tag, X value) => ((Output<X>?)_sideOutput(tag.Id))?.Emit(new Record<X>(value, Timestamp, Headers));

    public void RegisterEventTimeTimer(long timestamp) => _timers.Register(TimeDomain.EventTime, timestamp);

    public void RegisterProcessingTimeTimer(long timestamp) => _timers.Register(TimeDomain.ProcessingTime, timestamp);

    public void DeleteEventTimeTimer(long timestamp) => _timers.Delete(TimeDomain.EventTime, timestamp);

    public void DeleteProcessingTimeTimer(long timestamp) => _timers.Delete(TimeDomain.ProcessingTime, timestamp);

    public IValueState<V> GetValueState<V>(string name, ISerde<V>? serde = null, StateOptions? options = null) =>
        _backend.GetValueState(name, serde, options);

    public IListState<V> GetListState<V>(string name, ISerde<V>? serde = null, StateOptions? options = null) =>
        _backend.GetListState(name, serde, options);

    public IMapState<UK, UV> GetMapState<UK, UV>(string name, ISerde<UK>? keySerde = null, ISerde<UV>? valueSerde = null, StateOptions? options = null)
        where UK : notnull => _backend.GetMapState(name, keySerde, valueSerde, options);
}
