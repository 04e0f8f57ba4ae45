using System.Text.Json.Serialization;

namespace Streamline.Samples.Etl.Documents;

/// <summary>Wire shape of a JSONL line; every field nullable so validation, not deserialization, reports what is missing.</summary>
internal sealed class RawDocumentJson
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }

    [JsonPropertyName("fetch_time")]
    public string? FetchTime { get; set; }

    [JsonPropertyName("content_type")]
    public string? ContentType { get; set; }
}
