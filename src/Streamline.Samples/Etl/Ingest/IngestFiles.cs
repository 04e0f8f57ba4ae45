using System.Runtime.CompilerServices;

namespace Streamline.Samples.Etl.Ingest;

/// <summary>
/// Bounded source over a directory: files in ordinal name order (deterministic, so a recorded position
/// means the same thing after a restart), each read lazily record by record.
/// </summary>
public static class IngestFiles
{
    public static IngestFileFormat DetectFormat(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name switch
        {
            _ when name.EndsWith(".jsonl.gz", StringComparison.Ordinal) => IngestFileFormat.JsonlGzip,
            _ when name.EndsWith(".jsonl.zst", StringComparison.Ordinal) => IngestFileFormat.JsonlZstd,
            _ when name.EndsWith(".jsonl", StringComparison.Ordinal) => IngestFileFormat.Jsonl,
            _ when name.EndsWith(".parquet", StringComparison.Ordinal) => IngestFileFormat.Parquet,
            _ => IngestFileFormat.Unknown,
        };
    }

    /// <summary>Supported files directly in <paramref name="directory"/>; other files are ignored.</summary>
    public static IReadOnlyList<string> EnumerateFiles(string directory) =>
        [.. Directory.EnumerateFiles(directory)
            .Where(f => DetectFormat(f) != IngestFileFormat.Unknown)
            .Order(StringComparer.Ordinal)];

    public static IAsyncEnumerable<IngestRecord> ReadFileAsync(string path, CancellationToken cancellationToken = default) =>
        DetectFormat(path) switch
        {
            IngestFileFormat.Parquet => ParquetDocumentReader.ReadDocumentsAsync(path, cancellationToken),
            IngestFileFormat.Unknown => throw new ArgumentException($"Unsupported file: {path}", nameof(path)),
            _ => JsonlFileReader.ReadDocuments(path).ToAsyncEnumerable(),
        };

    public static async IAsyncEnumerable<IngestRecord> ReadDirectoryAsync(
        string directory, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var file in EnumerateFiles(directory))
        {
            await foreach (var record in ReadFileAsync(file, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }
}
