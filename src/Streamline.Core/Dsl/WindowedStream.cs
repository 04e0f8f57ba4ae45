using Streamline.Core.Graph;
using Streamline.Core.Operators;
using Streamline.Core.Operators.Window;
using Streamline.Core.Serdes;
using Streamline.Core.Windows;

namespace Streamline.Core.Dsl;

/// <summary>A keyed stream grouped into windows; finish it with an aggregation.</summary>
public sealed class WindowedStream<T, K> where K : notnull
{
    private readonly KeyedStream<T, K> _keyed;
    private readonly WindowAssigner _assigner;
    private TimeSpan _allowedLateness = TimeSpan.Zero;
    private OutputTag<T>? _lateTag;

    internal WindowedStream(KeyedStream<T, K> keyed, WindowAssigner assigner)
    {
        _keyed = keyed;
        _assigner = assigner;
    }

    /// <summary>Keeps windows this long after they fire; later records update and re-fire them.</summary>
    public WindowedStream<T, K> AllowedLateness(TimeSpan lateness)
    {
        if (lateness < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(lateness), lateness, "allowed lateness must be zero or positive");
        _allowedLateness = lateness;
        return this;
    }

    /// <summary>Sends records that arrive after the allowed lateness to <paramref name="tag"/> instead of dropping them.</summary>
    public WindowedStream<T, K> SideOutputLateData(OutputTag<T> tag)
    {
        _lateTag = tag ?? throw new ArgumentNullException(nameof(tag));
        return this;
    }

    public DataStream<TOut> Aggregate<TAcc, TResult, TOut>(IAggregateFunction<T, TAcc, TResult> aggregate, Func<K, TimeWindow, TResult, TOut> project, ISerde<TAcc>? accumulatorSerde = null)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(project);
        var (selector, keySerde, assigner, lateness, lateTag) = (_keyed.KeySelector, _keyed.KeySerde, _assigner, _allowedLateness, _lateTag);
        var accSerde = accumulatorSerde ?? Serdes.Serdes.Default<TAcc>();
        var tags = lateTag is null ? Array.Empty<IOutputTag>() : new IOutputTag[] { lateTag };
        var details = $"{assigner.Describe()}{(lateness > TimeSpan.Zero ? $", allowed lateness {lateness}" : "")}, {aggregate.GetType().Name.Split('`')[0]}";
        return _keyed.Input.Then("window",
            () => new WindowOperator<K, T, TAcc, TResult, TOut>(selector, keySerde, assigner, aggregate, project, accSerde, lateness, lateTag),
            tags, Partitioning.Hash, _keyed.KeyDescription, details, _keyed.Router());
    }

    public DataStream<WindowResult<K, TResult>> Aggregate<TAcc, TResult>(IAggregateFunction<T, TAcc, TResult> aggregate, ISerde<TAcc>? accumulatorSerde = null) =>
        Aggregate(aggregate, (key, window, result) => new WindowResult<K, TResult>(key, window, result), accumulatorSerde);

    public DataStream<WindowResult<K, long>> Count() => Aggregate(Aggregates.Count<T>());

    public DataStream<WindowResult<K, T>> Reduce(Func<T, T, T> reduce) => Aggregate(Aggregates.Reduce(reduce));
}
