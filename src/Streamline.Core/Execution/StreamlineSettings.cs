using Akka.Configuration;

namespace Streamline.Core.Execution;

/// <summary>Runtime settings of the core, read from the <c>streamline</c> HOCON section.</summary>
public sealed record StreamlineSettings
{
    public int MaxBatchSize { get; init; } = 512;

    public int MaxParallelism { get; init; } = 128;

    public int DefaultParallelism { get; init; } = 1;

    public int DeadLetterLogPerSecond { get; init; } = 10;

    public int DeadLetterKeepLast { get; init; } = 100;

    /// <summary>The embedded reference.conf: every default, documented.</summary>
    public static Config DefaultConfig()
    {
        using var stream = typeof(StreamlineSettings).Assembly.GetManifestResourceStream("Streamline.Core.reference.conf")
            ?? throw new InvalidOperationException("Streamline.Core.reference.conf is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }

    public static StreamlineSettings Create() => FromConfig(DefaultConfig());

    /// <summary>Reads <c>streamline.*</c> from <paramref name="config"/> (falling back to the defaults); invalid values fail fast.</summary>
    public static StreamlineSettings FromConfig(Config config)
    {
        var c = config.WithFallback(DefaultConfig()).GetConfig("streamline");
        var settings = new StreamlineSettings
        {
            MaxBatchSize = c.GetInt("max-batch-size"),
            MaxParallelism = c.GetInt("max-parallelism"),
            DefaultParallelism = c.GetInt("default-parallelism"),
            DeadLetterLogPerSecond = c.GetInt("dead-letters.log-per-second"),
            DeadLetterKeepLast = c.GetInt("dead-letters.keep-last"),
        };
        settings.Validate();
        return settings;
    }

    public StreamlineSettings WithMaxBatchSize(int value) => this with { MaxBatchSize = value };

    public void Validate()
    {
        Require(MaxBatchSize is >= 1 and <= 65536, "streamline.max-batch-size", MaxBatchSize, "must be in 1..65536");
        Require(MaxParallelism is >= 1 and <= 32768, "streamline.max-parallelism", MaxParallelism, "must be in 1..32768");
        Require(DefaultParallelism >= 1 && DefaultParallelism <= MaxParallelism, "streamline.default-parallelism", DefaultParallelism, $"must be in 1..{MaxParallelism} (max-parallelism)");
        Require(DeadLetterLogPerSecond >= 0, "streamline.dead-letters.log-per-second", DeadLetterLogPerSecond, "must be zero or positive");
        Require(DeadLetterKeepLast >= 0, "streamline.dead-letters.keep-last", DeadLetterKeepLast, "must be zero or positive");
    }

    private static void Require(bool ok, string path, object value, string rule)
    {
        if (!ok) throw new ConfigurationException($"invalid setting {path} = {value}: {rule}");
    }
}
