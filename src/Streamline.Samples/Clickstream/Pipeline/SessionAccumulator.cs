namespace Streamline.Samples.Clickstream.Pipeline;

/// <summary>
/// Running summary of a session window: the first and last view by event time (ties broken by page, so the
/// result does not depend on arrival order or on the order session windows merge), count and furthest step.
/// </summary>
public readonly record struct SessionAccumulator(
    int PageViews,
    long FirstTime,
    string? FirstPage,
    long LastTime,
    string? LastPage,
    FunnelStep FurthestStep)
{
    public static SessionAccumulator Of(PageView view)
    {
        var time = view.EventTime.ToUnixTimeMilliseconds();
        return new SessionAccumulator(1, time, view.Page, time, view.Page, view.Step);
    }

    public SessionAccumulator Merge(SessionAccumulator other)
    {
        if (other.PageViews == 0)
        {
            return this;
        }

        if (PageViews == 0)
        {
            return other;
        }

        var first = Before(other.FirstTime, other.FirstPage!, FirstTime, FirstPage!);
        var last = Before(LastTime, LastPage!, other.LastTime, other.LastPage!);
        return new SessionAccumulator(
            PageViews + other.PageViews,
            first ? other.FirstTime : FirstTime,
            first ? other.FirstPage : FirstPage,
            last ? other.LastTime : LastTime,
            last ? other.LastPage : LastPage,
            (FunnelStep)Math.Max((int)FurthestStep, (int)other.FurthestStep));
    }

    /// <summary>Strict event-time order with the page as tie-breaker.</summary>
    public static bool Before(long time, string page, long otherTime, string otherPage) =>
        time < otherTime || (time == otherTime && string.CompareOrdinal(page, otherPage) < 0);
}
