using System.Text.Json.Serialization;

namespace Streamline.Samples.Etl.Shards;

/// <summary>A published shard: enough to verify the file without trusting the writer (sizes and content hash).</summary>
public sealed record ShardManifestEntry(
    [property: JsonPropertyName("file_name")] string FileName,
    [property: JsonPropertyName("documents")] long Documents,
    [property: JsonPropertyName("tokens")] long Tokens,
    [property: JsonPropertyName("uncompressed_bytes")] long UncompressedBytes,
    [property: JsonPropertyName("compressed_bytes")] long CompressedBytes,
    [property: JsonPropertyName("xxhash64")] string XxHash64);
