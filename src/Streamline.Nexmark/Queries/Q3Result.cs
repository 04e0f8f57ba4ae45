namespace Streamline.Nexmark.Queries;

/// <summary>A q3 row: a seller in OR/ID/CA and one of their category-10 auctions.</summary>
public sealed record Q3Result(string Name, string City, string State, long Auction);
