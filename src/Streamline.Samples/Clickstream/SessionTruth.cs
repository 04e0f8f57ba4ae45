namespace Streamline.Samples.Clickstream;

/// <summary>An expected session: a user's maximal run of events with no gap longer than the session gap.</summary>
public sealed record SessionTruth(string UserId, int SessionIndex, DateTimeOffset Start, DateTimeOffset End, int Events, bool IsBot);
