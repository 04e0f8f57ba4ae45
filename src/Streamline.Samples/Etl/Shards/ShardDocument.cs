using System.Text.Json.Serialization;

namespace Streamline.Samples.Etl.Shards;

/// <summary>One line of a training shard: the cleaned text plus provenance and its token count.</summary>
public sealed record ShardDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("tokens")] int Tokens);
