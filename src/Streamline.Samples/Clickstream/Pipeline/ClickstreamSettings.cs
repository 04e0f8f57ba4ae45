using Akka.Configuration;

namespace Streamline.Samples.Clickstream.Pipeline;

/// <summary>Windows, lateness and bot thresholds of the clickstream pipeline; defaults and rationale in reference.conf.</summary>
public sealed record ClickstreamSettings
{
    public const string ConfigPath = "streamline.samples.clickstream";

    public TimeSpan SessionGap { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan AllowedLateness { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxOutOfOrderness { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan PageCountWindow { get; init; } = TimeSpan.FromMinutes(1);

    public int PageCountSaltBuckets { get; init; } = 8;

    public TimeSpan BotWindow { get; init; } = TimeSpan.FromMinutes(1);

    public int BotMinEvents { get; init; } = 20;

    public double BotMaxIntervalCv { get; init; } = 0.1;

    public static ClickstreamSettings Default { get; } = FromConfig(SamplesConfig.Reference);

    public static ClickstreamSettings FromConfig(Config config)
    {
        var c = SamplesConfig.Section(config, ConfigPath);
        var settings = new ClickstreamSettings
        {
            SessionGap = c.GetTimeSpan("session-gap"),
            AllowedLateness = c.GetTimeSpan("allowed-lateness"),
            MaxOutOfOrderness = c.GetTimeSpan("max-out-of-orderness"),
            PageCountWindow = c.GetTimeSpan("page-count-window"),
            PageCountSaltBuckets = c.GetInt("page-count-salt-buckets"),
            BotWindow = c.GetTimeSpan("bot.window"),
            BotMinEvents = c.GetInt("bot.min-events"),
            BotMaxIntervalCv = c.GetDouble("bot.max-interval-cv"),
        };
        settings.Validate();
        return settings;
    }

    public void Validate()
    {
        Require(SessionGap > TimeSpan.Zero, "session-gap", SessionGap, "must be positive");
        Require(AllowedLateness >= TimeSpan.Zero, "allowed-lateness", AllowedLateness, "must be zero or positive");
        Require(MaxOutOfOrderness >= TimeSpan.Zero, "max-out-of-orderness", MaxOutOfOrderness, "must be zero or positive");
        Require(PageCountWindow > TimeSpan.Zero, "page-count-window", PageCountWindow, "must be positive");
        Require(PageCountSaltBuckets >= 1, "page-count-salt-buckets", PageCountSaltBuckets, "must be at least 1");
        Require(BotWindow > TimeSpan.Zero, "bot.window", BotWindow, "must be positive");
        Require(BotMinEvents >= 3, "bot.min-events", BotMinEvents, "must be at least 3 (two intervals to compare)");
        Require(BotMaxIntervalCv >= 0, "bot.max-interval-cv", BotMaxIntervalCv, "must be zero or positive");
    }

    private static void Require(bool ok, string key, object value, string rule)
    {
        if (!ok)
        {
            throw new ConfigurationException($"invalid setting {ConfigPath}.{key} = {value}: {rule}");
        }
    }
}
