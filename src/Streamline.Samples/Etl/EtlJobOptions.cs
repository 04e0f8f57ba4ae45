using Akka.Configuration;
using Streamline.Samples.Etl.Generator;

namespace Streamline.Samples.Etl;

/// <summary>Options of <see cref="EtlJob"/> (a command line fills them); checked by <see cref="Validate"/> at start.</summary>
public sealed class EtlJobOptions
{
    /// <summary>Directory of jsonl / jsonl.gz / jsonl.zst / parquet files; null generates a synthetic corpus.</summary>
    public string? InputDirectory { get; set; }

    /// <summary>Where shards and manifest.json go; null means a new directory under the temp path.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>HOCON overriding <c>streamline.samples.etl.*</c>; null uses the reference defaults.</summary>
    public Config? Config { get; set; }

    /// <summary>Shape of the generated corpus when no input directory is given.</summary>
    public CorpusGeneratorSettings Corpus { get; set; } = new();

    /// <summary>How many .jsonl.zst files the generated corpus is split into.</summary>
    public int GeneratedFiles { get; set; } = 4;

    public void Validate()
    {
        if (InputDirectory is not null && !Directory.Exists(InputDirectory))
        {
            throw new ArgumentException($"EtlJobOptions.InputDirectory '{InputDirectory}' does not exist; give a directory of jsonl/jsonl.gz/jsonl.zst/parquet files, or none to generate a corpus");
        }

        if (GeneratedFiles < 1)
        {
            throw new ArgumentException($"EtlJobOptions.GeneratedFiles must be at least 1 (was {GeneratedFiles})");
        }

        ArgumentNullException.ThrowIfNull(Corpus, nameof(Corpus));
    }
}
