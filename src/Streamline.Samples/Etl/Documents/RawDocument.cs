namespace Streamline.Samples.Etl.Documents;

/// <summary>A crawled document as it enters the pipeline, before normalization.</summary>
public sealed record RawDocument(
    string Id,
    string Url,
    string Text,
    string Source,
    DateTimeOffset FetchTime,
    ContentType ContentType);
