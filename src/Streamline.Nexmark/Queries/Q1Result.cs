namespace Streamline.Nexmark.Queries;

/// <summary>A q1 row: a bid with its price in euros (DECIMAL(23,3) in NXF).</summary>
public sealed record Q1Result(long Auction, long Bidder, decimal Price, long DateTime, string Extra);
