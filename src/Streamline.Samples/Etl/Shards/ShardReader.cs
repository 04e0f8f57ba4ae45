using System.IO.Hashing;
using System.Text.Json;
using ZstdSharp;

namespace Streamline.Samples.Etl.Shards;

/// <summary>Reads committed shards and verifies them against <c>manifest.json</c> (sizes, counts and xxHash64 of each file).</summary>
public static class ShardReader
{
    public static ShardManifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ShardManifest.FileName);
        if (!File.Exists(path))
        {
            return ShardManifest.Empty;
        }

        return JsonSerializer.Deserialize(File.ReadAllBytes(path), ShardJsonContext.Default.ShardManifest)
            ?? throw new InvalidDataException($"{path} is not a shard manifest.");
    }

    /// <summary>Lazily reads the documents of one shard file.</summary>
    public static IEnumerable<ShardDocument> ReadShard(string path)
    {
        using var file = File.OpenRead(path);
        using var zstd = new DecompressionStream(file);
        using var reader = new StreamReader(zstd);
        while (reader.ReadLine() is { } line)
        {
            yield return JsonSerializer.Deserialize(line, ShardJsonContext.Default.ShardDocument)
                ?? throw new InvalidDataException($"null document in {path}");
        }
    }

    /// <summary>All documents of all committed shards, in manifest order.</summary>
    public static IEnumerable<ShardDocument> ReadAll(string directory) =>
        ReadManifest(directory).Shards.SelectMany(s => ReadShard(Path.Combine(directory, s.FileName)));

    public static ShardVerification Verify(string directory)
    {
        var errors = new List<string>();
        long documents = 0, tokens = 0;
        foreach (var entry in ReadManifest(directory).Shards)
        {
            var path = Path.Combine(directory, entry.FileName);
            if (!File.Exists(path))
            {
                errors.Add($"{entry.FileName}: missing");
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.Length != entry.CompressedBytes)
            {
                errors.Add($"{entry.FileName}: {bytes.Length} compressed bytes, manifest says {entry.CompressedBytes}");
            }

            var hash = XxHash64.HashToUInt64(bytes).ToString("x16");
            if (hash != entry.XxHash64)
            {
                errors.Add($"{entry.FileName}: xxhash64 {hash}, manifest says {entry.XxHash64}");
                continue;
            }

            long fileDocuments = 0, fileTokens = 0, uncompressed = 0;
            try
            {
                using var zstd = new DecompressionStream(new MemoryStream(bytes));
                using var reader = new StreamReader(zstd);
                while (reader.ReadLine() is { } line)
                {
                    var document = JsonSerializer.Deserialize(line, ShardJsonContext.Default.ShardDocument);
                    fileDocuments++;
                    fileTokens += document?.Tokens ?? 0;
                    uncompressed += System.Text.Encoding.UTF8.GetByteCount(line) + 1;
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException or ZstdException)
            {
                errors.Add($"{entry.FileName}: unreadable ({ex.Message})");
                continue;
            }

            Check(entry.FileName, "documents", fileDocuments, entry.Documents, errors);
            Check(entry.FileName, "tokens", fileTokens, entry.Tokens, errors);
            Check(entry.FileName, "uncompressed bytes", uncompressed, entry.UncompressedBytes, errors);
            documents += fileDocuments;
            tokens += fileTokens;
        }

        return new ShardVerification([.. errors], documents, tokens);
    }

    private static void Check(string file, string what, long actual, long expected, List<string> errors)
    {
        if (actual != expected)
        {
            errors.Add($"{file}: {actual} {what}, manifest says {expected}");
        }
    }
}
