using Akka.Configuration;
using Streamline.Samples.Etl.Dedup;
using Streamline.Samples.Etl.Normalize;
using Streamline.Samples.Etl.Quality;
using Streamline.Samples.Etl.Shards;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>Everything the training-data pipeline reads from HOCON: each stage's settings plus the pipeline's own.</summary>
public sealed record EtlPipelineSettings
{
    public const string ConfigPath = "streamline.samples.etl.pipeline";

    public BoilerplateSettings Boilerplate { get; init; } = BoilerplateSettings.Default;

    public QualitySettings Quality { get; init; } = QualitySettings.Default;

    public MinHashSettings MinHash { get; init; } = MinHashSettings.Default;

    public ShardWriterSettings Shards { get; init; } = ShardWriterSettings.Default;

    /// <summary>Documents remembered per LSH bucket; later ones are still compared against them, just not stored.</summary>
    public int MaxSignaturesPerBand { get; init; } = 64;

    public static EtlPipelineSettings Default { get; } = FromConfig(SamplesConfig.Reference);

    public static EtlPipelineSettings FromConfig(Config config)
    {
        var c = SamplesConfig.Section(config, ConfigPath);
        var settings = new EtlPipelineSettings
        {
            Boilerplate = BoilerplateSettings.FromConfig(config),
            Quality = QualitySettings.FromConfig(config),
            MinHash = MinHashSettings.FromConfig(config),
            Shards = ShardWriterSettings.FromConfig(config),
            MaxSignaturesPerBand = c.GetInt("max-signatures-per-band"),
        };
        settings.Validate();
        return settings;
    }

    public void Validate()
    {
        if (MaxSignaturesPerBand < 1)
        {
            throw new ConfigurationException($"invalid setting {ConfigPath}.max-signatures-per-band = {MaxSignaturesPerBand}: must be at least 1");
        }

        if (MinHash.JaccardThreshold is <= 0 or > 1)
        {
            throw new ConfigurationException($"invalid setting {MinHashSettings.ConfigPath}.jaccard-threshold = {MinHash.JaccardThreshold}: must be in (0, 1]");
        }
    }
}
