namespace Streamline.Samples.Clickstream.Pipeline;

/// <summary>A user whose views in one window were too many and too regular for a person; raised once per user.</summary>
public sealed record BotAlert(string UserId, DateTimeOffset WindowStart, int Events, TimeSpan MeanInterval, double IntervalCv);
