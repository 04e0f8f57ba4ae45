using Akka.Configuration;

namespace Streamline.Samples.Etl.Dedup;

/// <summary>MinHash/LSH parameters; <see cref="Permutations"/> = bands × rows. Defaults and rationale in reference.conf.</summary>
public sealed record MinHashSettings
{
    public const string ConfigPath = "streamline.samples.etl.dedup";

    public int ShingleSize { get; init; } = 5;

    public int Bands { get; init; } = 16;

    public int RowsPerBand { get; init; } = 8;

    public ulong Seed { get; init; } = 20240601;

    public double JaccardThreshold { get; init; } = 0.8;

    public int Permutations => Bands * RowsPerBand;

    /// <summary>The S-curve knee (1/b)^(1/r): roughly where candidate probability rises steeply.</summary>
    public double ApproximateThreshold => Math.Pow(1.0 / Bands, 1.0 / RowsPerBand);

    public static MinHashSettings Default { get; } = FromConfig(SamplesConfig.Reference);

    public static MinHashSettings FromConfig(Config config)
    {
        var c = SamplesConfig.Section(config, ConfigPath);
        return new MinHashSettings
        {
            ShingleSize = c.GetInt("shingle-size"),
            Bands = c.GetInt("bands"),
            RowsPerBand = c.GetInt("rows-per-band"),
            Seed = (ulong)c.GetLong("seed"),
            JaccardThreshold = c.GetDouble("jaccard-threshold"),
        };
    }

    /// <summary>Probability that a pair with Jaccard <paramref name="jaccard"/> shares at least one band: 1-(1-J^r)^b.</summary>
    public double CandidateProbability(double jaccard) =>
        1 - Math.Pow(1 - Math.Pow(jaccard, RowsPerBand), Bands);
}
