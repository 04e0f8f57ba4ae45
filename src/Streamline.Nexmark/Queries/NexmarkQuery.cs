using Streamline.Core.Dsl;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Queries;

/// <summary>One catalog entry: a query's name, what it does, and how to wire it between a source and a sink.</summary>
public sealed class NexmarkQuery
{
    private readonly Action<DataStream<NexmarkEvent>, IQuerySinkFactory, string> _attach;

    private NexmarkQuery(string name, string description, bool emitsOnWatermark, Type resultType, Action<DataStream<NexmarkEvent>, IQuerySinkFactory, string> attach)
    {
        Name = name;
        Description = description;
        EmitsOnWatermark = emitsOnWatermark;
        ResultType = resultType;
        _attach = attach;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>
    /// True when results are emitted as the watermark passes their timestamp (windows, timers),
    /// false when each result follows its input event directly. Latency measurement needs this.
    /// </summary>
    public bool EmitsOnWatermark { get; }

    public Type ResultType { get; }

    public static NexmarkQuery Create<T>(string name, string description, bool emitsOnWatermark, Func<DataStream<NexmarkEvent>, DataStream<T>> build) =>
        new(name, description, emitsOnWatermark, typeof(T), (events, sinks, sinkName) => build(events).To(sinks.Create<T>(), sinkName));

    /// <summary>Builds the query on <paramref name="events"/> and writes its results to a sink made by <paramref name="sinks"/>.</summary>
    public void AttachTo(DataStream<NexmarkEvent> events, IQuerySinkFactory sinks, string sinkName = "results")
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(sinks);
        _attach(events, sinks, sinkName);
    }

    public override string ToString() => $"{Name}: {Description}";
}
