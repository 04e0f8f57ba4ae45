namespace Streamline.Nexmark.Queries;

/// <summary>The highest bid of a closed auction (the shared core of q4, q6 and NXF's q9).</summary>
/// <param name="Expires">When the auction closed; also the record's event timestamp.</param>
/// <param name="BidDateTime">Event time of the winning bid.</param>
public readonly record struct WinningBid(long Auction, long Seller, long Category, long Expires, long Price, long BidDateTime);
