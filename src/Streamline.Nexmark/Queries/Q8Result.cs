namespace Streamline.Nexmark.Queries;

/// <summary>A q8 row: a person who opened an auction in their registration window.</summary>
public sealed record Q8Result(long Id, string Name, long WindowStart);
