using Akka.Configuration;

namespace Streamline.Samples.Etl.Shards;

/// <summary>Shard rolling and compression parameters; defaults in reference.conf.</summary>
public sealed record ShardWriterSettings
{
    public const string ConfigPath = "streamline.samples.etl.shards";

    public int MaxDocuments { get; init; } = 100_000;

    public long MaxUncompressedBytes { get; init; } = 256L * 1024 * 1024;

    public int CompressionLevel { get; init; } = 3;

    public string FilePrefix { get; init; } = "shard";

    public static ShardWriterSettings Default { get; } = FromConfig(SamplesConfig.Reference);

    public static ShardWriterSettings FromConfig(Config config)
    {
        var c = SamplesConfig.Section(config, ConfigPath);
        return new ShardWriterSettings
        {
            MaxDocuments = c.GetInt("max-documents"),
            MaxUncompressedBytes = c.GetByteSize("max-uncompressed-bytes") ?? 256L * 1024 * 1024,
            CompressionLevel = c.GetInt("compression-level"),
            FilePrefix = c.GetString("file-prefix"),
        };
    }

    public string ShardFileName(int index) => $"{FilePrefix}-{index:D5}.jsonl.zst";
}
