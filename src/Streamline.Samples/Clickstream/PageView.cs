namespace Streamline.Samples.Clickstream;

/// <summary>
/// A page view as the pipeline sees it. There is deliberately no session id: sessions must be derived from
/// event-time gaps. <see cref="Step"/> is computed from <see cref="Page"/>.
/// </summary>
public sealed record PageView(string UserId, string Url, string Page, string? Referrer, DateTimeOffset EventTime)
{
    public FunnelStep Step => FunnelSteps.FromPage(Page);
}
