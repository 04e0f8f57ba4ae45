namespace Streamline.Samples.Clickstream.Pipeline;

/// <summary>Views of a page in one tumbling window (start inclusive, end exclusive).</summary>
public sealed record PageMinuteCount(string Page, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, long Count);
