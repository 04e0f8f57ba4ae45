namespace Streamline.Nexmark.Queries;

/// <summary>A q5 row: an auction with the most bids in a window, and that count.</summary>
public readonly record struct Q5Result(long Auction, long Count);
