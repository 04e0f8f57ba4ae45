namespace Streamline.Nexmark.Queries;

/// <summary>A q6 row: a seller's new moving mean selling price (cents).</summary>
public readonly record struct Q6Result(long Seller, long Average);
