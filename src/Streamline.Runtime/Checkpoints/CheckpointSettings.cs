using Akka.Configuration;

namespace Streamline.Runtime.Checkpoints;

/// <summary>When and how the coordinator checkpoints, from <c>streamline.runtime.checkpoints</c>.</summary>
public sealed record CheckpointSettings
{
    /// <summary>Null when checkpoints are off.</summary>
    public TimeSpan? Interval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public int Retained { get; init; } = 3;

    public int TolerableFailures { get; init; } = 5;

    public static CheckpointSettings FromConfig(Config config)
    {
        var c = config.WithFallback(RuntimeConfig.Default()).GetConfig("streamline.runtime.checkpoints");
        var interval = c.GetString("interval");
        var settings = new CheckpointSettings
        {
            Interval = interval is "off" or "false" or "no" ? null : c.GetTimeSpan("interval"),
            Timeout = c.GetTimeSpan("timeout"),
            Retained = c.GetInt("retained"),
            TolerableFailures = c.GetInt("tolerable-failures"),
        };
        Require(settings.Interval is null || settings.Interval >= TimeSpan.FromMilliseconds(10), "interval", interval, "must be off or at least 10ms");
        Require(settings.Timeout > TimeSpan.Zero, "timeout", settings.Timeout, "must be positive");
        Require(settings.Retained >= 1, "retained", settings.Retained, "must be at least 1 (the latest completed checkpoint is what recovery uses)");
        Require(settings.TolerableFailures >= 0, "tolerable-failures", settings.TolerableFailures, "must be zero or positive");
        return settings;
    }

    private static void Require(bool ok, string key, object value, string rule)
    {
        if (!ok) throw new ConfigurationException($"invalid setting streamline.runtime.checkpoints.{key} = {value}: {rule}");
    }
}
