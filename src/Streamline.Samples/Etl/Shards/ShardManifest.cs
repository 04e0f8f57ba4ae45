using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Streamline.Samples.Etl.Shards;

/// <summary>Contents of <c>manifest.json</c>: the committed shards in order. Files not listed here are not published.</summary>
public sealed record ShardManifest([property: JsonPropertyName("shards")] ImmutableArray<ShardManifestEntry> Shards)
{
    public const string FileName = "manifest.json";

    public static ShardManifest Empty { get; } = new(ImmutableArray<ShardManifestEntry>.Empty);
}
