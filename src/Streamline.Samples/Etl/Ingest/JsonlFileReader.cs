using System.IO.Compression;
using System.Text;
using Streamline.Samples.Etl.Documents;
using ZstdSharp;

namespace Streamline.Samples.Etl.Ingest;

/// <summary>Lazy line readers for plain, gzip and zstd JSONL files; the stream stays open only while enumerating.</summary>
public static class JsonlFileReader
{
    public static IEnumerable<string> ReadLines(string path)
    {
        var format = IngestFiles.DetectFormat(path);
        if (format is not (IngestFileFormat.Jsonl or IngestFileFormat.JsonlGzip or IngestFileFormat.JsonlZstd))
        {
            throw new ArgumentException($"Not a JSONL file: {path}", nameof(path));
        }

        return Iterate(path, format);
    }

    /// <summary>Parses each line; blank lines are skipped, since trailing newlines are common and not errors.</summary>
    public static IEnumerable<IngestRecord> ReadDocuments(string path)
    {
        long position = -1;
        foreach (var line in ReadLines(path))
        {
            position++;
            if (line.Length == 0)
            {
                continue;
            }

            yield return new IngestRecord(path, position, RawDocumentJsonl.Parse(line));
        }
    }

    private static IEnumerable<string> Iterate(string path, IngestFileFormat format)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using Stream decoded = format switch
        {
            IngestFileFormat.JsonlGzip => new GZipStream(file, CompressionMode.Decompress, leaveOpen: true),
            IngestFileFormat.JsonlZstd => new DecompressionStream(file, leaveOpen: true),
            _ => file,
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

}
