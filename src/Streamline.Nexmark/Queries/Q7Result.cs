namespace Streamline.Nexmark.Queries;

/// <summary>A q7 row: a bid with the highest price of its window.</summary>
public sealed record Q7Result(long Auction, long Price, long Bidder, long DateTime, string Extra);
