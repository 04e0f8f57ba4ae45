namespace Streamline.Nexmark.Queries;

/// <summary>A q4 row: the new average winning price (cents, truncated) of a category.</summary>
public readonly record struct Q4Result(long Category, long Average);
