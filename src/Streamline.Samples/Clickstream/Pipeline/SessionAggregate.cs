using Streamline.Core.Windows;

namespace Streamline.Samples.Clickstream.Pipeline;

/// <summary>Incremental session summary for session windows (Merge is what session merging calls).</summary>
public sealed class SessionAggregate : IAggregateFunction<PageView, SessionAccumulator, SessionAccumulator>
{
    public SessionAccumulator CreateAccumulator() => default;

    public SessionAccumulator Add(SessionAccumulator accumulator, PageView value) => accumulator.Merge(SessionAccumulator.Of(value));

    public SessionAccumulator Merge(SessionAccumulator a, SessionAccumulator b) => a.Merge(b);

    public SessionAccumulator GetResult(SessionAccumulator accumulator) => accumulator;

    public static SessionSummary Summarize(string userId, SessionAccumulator acc) => new(
        userId,
        DateTimeOffset.FromUnixTimeMilliseconds(acc.FirstTime),
        DateTimeOffset.FromUnixTimeMilliseconds(acc.LastTime),
        acc.PageViews,
        acc.FirstPage ?? "",
        acc.LastPage ?? "",
        acc.FurthestStep);
}
