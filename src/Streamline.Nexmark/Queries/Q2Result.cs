namespace Streamline.Nexmark.Queries;

/// <summary>A q2 row: a bid on a selected auction.</summary>
public readonly record struct Q2Result(long Auction, long Price);
