namespace Streamline.Nexmark.Queries;

/// <summary>A q11 row: one closed session of a bidder.</summary>
public readonly record struct Q11Result(long Bidder, long BidCount, long Start, long End);
