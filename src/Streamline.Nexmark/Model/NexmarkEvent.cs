using System.Runtime.CompilerServices;

namespace Streamline.Nexmark.Model;

/// <summary>
/// One element of the Nexmark stream: exactly one of <see cref="Person"/>, <see cref="Auction"/>
/// or <see cref="Bid"/>, plus its event time. One object header and one reference on top of the
/// payload; the typed accessors do not allocate.
/// </summary>
public sealed class NexmarkEvent : IEquatable<NexmarkEvent>
{
    private readonly object _payload;

    public NexmarkEvent(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        _payload = person;
        Kind = EventKind.Person;
        Timestamp = person.DateTime;
    }

    public NexmarkEvent(Auction auction)
    {
        ArgumentNullException.ThrowIfNull(auction);
        _payload = auction;
        Kind = EventKind.Auction;
        Timestamp = auction.DateTime;
    }

    public NexmarkEvent(Bid bid)
    {
        ArgumentNullException.ThrowIfNull(bid);
        _payload = bid;
        Kind = EventKind.Bid;
        Timestamp = bid.DateTime;
    }

    public EventKind Kind { get; }

    /// <summary>Event time in milliseconds since the Unix epoch (the payload's <c>DateTime</c>).</summary>
    public long Timestamp { get; }

    /// <summary>The payload as an untyped reference (a <see cref="Model.Person"/>, <see cref="Model.Auction"/> or <see cref="Model.Bid"/>).</summary>
    public object Payload => _payload;

    public Person? Person => Kind == EventKind.Person ? Unsafe.As<Person>(_payload) : null;

    public Auction? Auction => Kind == EventKind.Auction ? Unsafe.As<Auction>(_payload) : null;

    public Bid? Bid => Kind == EventKind.Bid ? Unsafe.As<Bid>(_payload) : null;

    public Person AsPerson() => Person ?? throw WrongKind(EventKind.Person);

    public Auction AsAuction() => Auction ?? throw WrongKind(EventKind.Auction);

    public Bid AsBid() => Bid ?? throw WrongKind(EventKind.Bid);

    public bool Equals(NexmarkEvent? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Kind == other.Kind && Timestamp == other.Timestamp && _payload.Equals(other._payload)));

    public override bool Equals(object? obj) => Equals(obj as NexmarkEvent);

    public override int GetHashCode() => _payload.GetHashCode();

    public override string ToString() => _payload.ToString() ?? Kind.ToString();

    private InvalidOperationException WrongKind(EventKind expected) =>
        new($"This NexmarkEvent holds a {Kind}, not a {expected}.");
}
