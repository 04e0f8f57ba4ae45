using Akka.Configuration;

namespace Streamline.Runtime;

/// <summary>Settings of the cluster runtime, read from <c>streamline.runtime</c> (defaults in the embedded reference.conf).</summary>
public sealed record RuntimeSettings
{
    public int Credits { get; init; } = 8;

    /// <summary>Cluster role of the members that host the task shard region.</summary>
    public string TaskRole { get; init; } = "streamline";

    /// <summary>How long a deployment waits for the regions of all Up members to register.</summary>
    public TimeSpan RegionWait { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan DeployRetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan RestartBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRestartBackoff { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxRestarts { get; init; } = 10;

    public TimeSpan RestartWindow { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan SubmitTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reads <c>streamline.runtime</c> from <paramref name="config"/> over the defaults; invalid values fail fast.</summary>
    public static RuntimeSettings FromConfig(Config config)
    {
        var c = config.WithFallback(RuntimeConfig.Default()).GetConfig("streamline.runtime");
        var settings = new RuntimeSettings
        {
            Credits = c.GetInt("exchange.credits"),
            TaskRole = c.GetString("task-role"),
            RegionWait = c.GetTimeSpan("coordinator.region-wait"),
            DeployRetryInterval = c.GetTimeSpan("coordinator.deploy-retry-interval"),
            RestartBackoff = c.GetTimeSpan("coordinator.restart-backoff"),
            MaxRestartBackoff = c.GetTimeSpan("coordinator.max-restart-backoff"),
            MaxRestarts = c.GetInt("coordinator.max-restarts"),
            RestartWindow = c.GetTimeSpan("coordinator.restart-window"),
            StatusInterval = c.GetTimeSpan("coordinator.status-interval"),
            SubmitTimeout = c.GetTimeSpan("coordinator.submit-timeout"),
        };
        settings.Validate();
        return settings;
    }

    public void Validate()
    {
        Require(Credits >= 1, "exchange.credits", Credits, "must be at least 1");
        Require(!string.IsNullOrWhiteSpace(TaskRole), "task-role", TaskRole, "must name the cluster role of the members that host tasks");
        Require(RegionWait >= TimeSpan.Zero, "coordinator.region-wait", RegionWait, "must be zero or positive");
        Require(DeployRetryInterval > TimeSpan.Zero, "coordinator.deploy-retry-interval", DeployRetryInterval, "must be positive");
        Require(RestartBackoff >= TimeSpan.Zero, "coordinator.restart-backoff", RestartBackoff, "must be zero or positive");
        Require(MaxRestartBackoff >= RestartBackoff, "coordinator.max-restart-backoff", MaxRestartBackoff, "must be at least coordinator.restart-backoff");
        Require(MaxRestarts >= 0, "coordinator.max-restarts", MaxRestarts, "must be zero or positive");
        Require(RestartWindow > TimeSpan.Zero, "coordinator.restart-window", RestartWindow, "must be positive");
        Require(SubmitTimeout > TimeSpan.Zero, "coordinator.submit-timeout", SubmitTimeout, "must be positive");
        Require(StatusInterval > TimeSpan.Zero, "coordinator.status-interval", StatusInterval, "must be positive");
    }

    private static void Require(bool ok, string path, object value, string rule)
    {
        if (!ok) throw new ConfigurationException($"invalid setting streamline.runtime.{path} = {value}: {rule}");
    }
}
