namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// A valid document between parsing and the shard sink. <see cref="Sequence"/> is its position in the input:
/// the order "first wins" dedup uses, and a unique key even when the input repeats an id.
/// </summary>
public sealed record PipelineDocument(long Sequence, string Id, string Url, string Source, DateTimeOffset FetchTime, string Text);
