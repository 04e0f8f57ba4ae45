namespace Streamline.Samples.Clickstream.Pipeline;

/// <summary>Phase 1 of the page count: views of <see cref="Page"/> by the users of one salt bucket in one window.</summary>
public sealed record PartialPageCount(string Page, int Salt, long WindowStart, long Count);
