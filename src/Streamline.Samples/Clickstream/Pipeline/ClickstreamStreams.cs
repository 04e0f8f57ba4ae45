using Streamline.Core.Dsl;

namespace Streamline.Samples.Clickstream.Pipeline;

/// <summary>The outputs of <see cref="SessionizationPipeline"/>.</summary>
/// <param name="LateForSessions">Views later than the sessions' allowed lateness (not in any session summary).</param>
/// <param name="LateForPageCounts">Views behind the watermark when they reached the page counts (not counted).</param>
public sealed record ClickstreamStreams(
    DataStream<SessionSummary> Sessions,
    DataStream<PageMinuteCount> PageCounts,
    DataStream<BotAlert> BotAlerts,
    DataStream<PageView> LateForSessions,
    DataStream<PageView> LateForPageCounts);
