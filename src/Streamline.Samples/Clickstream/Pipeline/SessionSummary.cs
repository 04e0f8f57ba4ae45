namespace Streamline.Samples.Clickstream.Pipeline;

/// <summary>
/// One user session: first and last page view (by event time), how many views, where it entered and left, and
/// the furthest funnel step reached. A session updated by a late view is emitted again with the new values.
/// </summary>
public sealed record SessionSummary(
    string UserId,
    DateTimeOffset Start,
    DateTimeOffset End,
    int PageViews,
    string LandingPage,
    string ExitPage,
    FunnelStep FurthestStep)
{
    public TimeSpan Duration => End - Start;
}
