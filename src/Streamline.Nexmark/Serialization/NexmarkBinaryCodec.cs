using Streamline.Nexmark.Model;
using Streamline.Nexmark.Serialization.Internal;

namespace Streamline.Nexmark.Serialization;

/// <summary>
/// Compact, reflection-free binary form of a <see cref="NexmarkEvent"/>. Layout: one kind byte
/// (<see cref="EventKind"/>), then the fields in model order; ids, prices and the category are
/// ZigZag LEB128 varints, <c>DateTime</c> is a little-endian int64, an auction's <c>Expires</c> is
/// a varint delta from its <c>DateTime</c>, strings are an unsigned LEB128 byte length plus UTF-8.
/// </summary>
public static class NexmarkBinaryCodec
{
    /// <summary>Exact number of bytes <see cref="Encode(NexmarkEvent, Span{byte})"/> writes.</summary>
    public static int GetEncodedLength(NexmarkEvent nexmarkEvent)
    {
        ArgumentNullException.ThrowIfNull(nexmarkEvent);
        const int kindAndTime = 1 + sizeof(long);
        switch (nexmarkEvent.Kind)
        {
            case EventKind.Person:
                var p = nexmarkEvent.AsPerson();
                return kindAndTime + SpanSizer.VarInt64(p.Id) + SpanSizer.String(p.Name) +
                    SpanSizer.String(p.EmailAddress) + SpanSizer.String(p.CreditCard) + SpanSizer.String(p.City) +
                    SpanSizer.String(p.State) + SpanSizer.String(p.Extra);
            case EventKind.Auction:
                var a = nexmarkEvent.AsAuction();
                return kindAndTime + SpanSizer.VarInt64(a.Id) + SpanSizer.String(a.ItemName) +
                    SpanSizer.String(a.Description) + SpanSizer.VarInt64(a.InitialBid) + SpanSizer.VarInt64(a.Reserve) +
                    SpanSizer.VarInt64(a.Expires - a.DateTime) + SpanSizer.VarInt64(a.Seller) +
                    SpanSizer.VarInt64(a.Category) + SpanSizer.String(a.Extra);
            default:
                var b = nexmarkEvent.AsBid();
                return kindAndTime + SpanSizer.VarInt64(b.Auction) + SpanSizer.VarInt64(b.Bidder) +
                    SpanSizer.VarInt64(b.Price) + SpanSizer.String(b.Channel) + SpanSizer.String(b.Url) +
                    SpanSizer.String(b.Extra);
        }
    }

    public static byte[] Encode(NexmarkEvent nexmarkEvent)
    {
        var buffer = new byte[GetEncodedLength(nexmarkEvent)];
        Write(nexmarkEvent, buffer);
        return buffer;
    }

    /// <summary>Writes the event and returns the byte count; throws if <paramref name="destination"/> is too small.</summary>
    public static int Encode(NexmarkEvent nexmarkEvent, Span<byte> destination)
    {
        if (!TryEncode(nexmarkEvent, destination, out var written))
        {
            throw new ArgumentException(
                $"Destination of {destination.Length} bytes is too small for a {nexmarkEvent.Kind} of " +
                $"{GetEncodedLength(nexmarkEvent)} bytes.", nameof(destination));
        }

        return written;
    }

    /// <summary>Writes nothing and returns false when <paramref name="destination"/> is too small.</summary>
    public static bool TryEncode(NexmarkEvent nexmarkEvent, Span<byte> destination, out int bytesWritten)
    {
        var length = GetEncodedLength(nexmarkEvent);
        if (destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = Write(nexmarkEvent, destination);
        return true;
    }

    /// <summary>Reads one event that must span all of <paramref name="source"/>.</summary>
    public static NexmarkEvent Decode(ReadOnlySpan<byte> source)
    {
        var result = Decode(source, out var bytesRead);
        if (bytesRead != source.Length)
        {
            throw new FormatException(
                $"Nexmark binary event ends at byte {bytesRead} but the buffer has {source.Length} bytes.");
        }

        return result;
    }

    /// <summary>Reads one event from the start of <paramref name="source"/>; <paramref name="bytesRead"/> says where it ended.</summary>
    public static NexmarkEvent Decode(ReadOnlySpan<byte> source, out int bytesRead)
    {
        var reader = new SpanReader(source);
        var kind = reader.ReadByte();
        NexmarkEvent result;
        switch ((EventKind)kind)
        {
            case EventKind.Person:
            {
                var id = reader.ReadVarInt64();
                var name = reader.ReadString();
                var email = reader.ReadString();
                var creditCard = reader.ReadString();
                var city = reader.ReadString();
                var state = reader.ReadString();
                var dateTime = reader.ReadInt64();
                var extra = reader.ReadString();
                result = new NexmarkEvent(new Person(id, name, email, creditCard, city, state, dateTime, extra));
                break;
            }

            case EventKind.Auction:
            {
                var id = reader.ReadVarInt64();
                var itemName = reader.ReadString();
                var description = reader.ReadString();
                var initialBid = reader.ReadVarInt64();
                var reserve = reader.ReadVarInt64();
                var dateTime = reader.ReadInt64();
                var expires = dateTime + reader.ReadVarInt64();
                var seller = reader.ReadVarInt64();
                var category = reader.ReadVarInt64();
                var extra = reader.ReadString();
                result = new NexmarkEvent(new Auction(
                    id, itemName, description, initialBid, reserve, dateTime, expires, seller, category, extra));
                break;
            }

            case EventKind.Bid:
            {
                var auction = reader.ReadVarInt64();
                var bidder = reader.ReadVarInt64();
                var price = reader.ReadVarInt64();
                var channel = reader.ReadString();
                var url = reader.ReadString();
                var dateTime = reader.ReadInt64();
                var extra = reader.ReadString();
                result = new NexmarkEvent(new Bid(auction, bidder, price, channel, url, dateTime, extra));
                break;
            }

            default:
                throw new FormatException($"Unknown Nexmark event kind byte {kind}.");
        }

        bytesRead = reader.Position;
        return result;
    }

    private static int Write(NexmarkEvent nexmarkEvent, Span<byte> destination)
    {
        var writer = new SpanWriter(destination);
        writer.WriteByte((byte)nexmarkEvent.Kind);
        switch (nexmarkEvent.Kind)
        {
            case EventKind.Person:
                var p = nexmarkEvent.AsPerson();
                writer.WriteVarInt64(p.Id);
                writer.WriteString(p.Name);
                writer.WriteString(p.EmailAddress);
                writer.WriteString(p.CreditCard);
                writer.WriteString(p.City);
                writer.WriteString(p.State);
                writer.WriteInt64(p.DateTime);
                writer.WriteString(p.Extra);
                break;
            case EventKind.Auction:
                var a = nexmarkEvent.AsAuction();
                writer.WriteVarInt64(a.Id);
                writer.WriteString(a.ItemName);
                writer.WriteString(a.Description);
                writer.WriteVarInt64(a.InitialBid);
                writer.WriteVarInt64(a.Reserve);
                writer.WriteInt64(a.DateTime);
                writer.WriteVarInt64(a.Expires - a.DateTime);
                writer.WriteVarInt64(a.Seller);
                writer.WriteVarInt64(a.Category);
                writer.WriteString(a.Extra);
                break;
            default:
                var b = nexmarkEvent.AsBid();
                writer.WriteVarInt64(b.Auction);
                writer.WriteVarInt64(b.Bidder);
                writer.WriteVarInt64(b.Price);
                writer.WriteString(b.Channel);
                writer.WriteString(b.Url);
                writer.WriteInt64(b.DateTime);
                writer.WriteString(b.Extra);
                break;
        }

        return writer.Position;
    }
}
