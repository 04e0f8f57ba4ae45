namespace Streamline.Nexmark.Model;

/// <summary>Nexmark event type; the numeric values are NXF's <c>event_type</c> column.</summary>
public enum EventKind : byte
{
    Person = 0,
    Auction = 1,
    Bid = 2,
}
