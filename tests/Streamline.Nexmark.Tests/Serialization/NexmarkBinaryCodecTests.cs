using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Model;
using Streamline.Nexmark.Serialization;
using Xunit;

namespace Streamline.Nexmark.Tests.Serialization;

public sealed class NexmarkBinaryCodecTests
{
    private static readonly List<NexmarkEvent> Generated =
        NexmarkGenerator.Generate(GeneratorConfig.Default.WithMaxEvents(5_000)).ToList();

    public static TheoryData<NexmarkEvent> EdgeCases() => new()
    {
        new NexmarkEvent(new Person(long.MinValue, "", "", "", "", "", long.MinValue, "")),
        new NexmarkEvent(new Person(long.MaxValue, "Zoë Ünïcödé ✓", "🙂@x.com", "1", "München", "BY", long.MaxValue, new string('q', 10_000))),
        new NexmarkEvent(new Auction(-1, "a", "b", 0, -5, long.MaxValue, long.MinValue, -1000, 0, "")),
        new NexmarkEvent(new Auction(0, "", "", long.MaxValue, long.MinValue, -1, 1, long.MaxValue, long.MinValue, "é")),
        new NexmarkEvent(new Bid(long.MinValue, long.MaxValue, -1, "", "", 0, "")),
    };

    [Fact]
    public void Generated_events_round_trip_and_report_their_exact_length()
    {
        var buffer = new byte[4096];
        foreach (var e in Generated)
        {
            var written = NexmarkBinaryCodec.Encode(e, buffer);
            Assert.Equal(NexmarkBinaryCodec.GetEncodedLength(e), written);
            Assert.Equal(e, NexmarkBinaryCodec.Decode(buffer.AsSpan(0, written)));
        }
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Extreme_values_and_non_ascii_strings_round_trip(NexmarkEvent e)
    {
        var bytes = NexmarkBinaryCodec.Encode(e);
        Assert.Equal(NexmarkBinaryCodec.GetEncodedLength(e), bytes.Length);
        Assert.Equal(e, NexmarkBinaryCodec.Decode(bytes));
    }

    [Fact]
    public void A_bid_is_compact()
    {
        var bid = Generated.First(e => e.Kind == EventKind.Bid).AsBid();

        // kind + 3 short varints + 8-byte time + channel, url and extra with 1-byte lengths.
        var expected = 1 + 2 + 2 + 4 + 8 + (1 + bid.Channel.Length) + (1 + bid.Url.Length) + (1 + bid.Extra.Length);
        Assert.Equal(expected, NexmarkBinaryCodec.Encode(new NexmarkEvent(bid)).Length);
    }

    [Fact]
    public void Concatenated_events_decode_one_after_another()
    {
        var stream = Generated.Take(200).SelectMany(NexmarkBinaryCodec.Encode).ToArray();
        var offset = 0;
        var decoded = new List<NexmarkEvent>();
        while (offset < stream.Length)
        {
            decoded.Add(NexmarkBinaryCodec.Decode(stream.AsSpan(offset), out var read));
            offset += read;
        }

        Assert.Equal(Generated.Take(200), decoded);
    }

    [Fact]
    public void A_too_small_destination_is_refused_without_writing()
    {
        var e = Generated[1];
        var length = NexmarkBinaryCodec.GetEncodedLength(e);
        var buffer = new byte[length - 1];
        Assert.False(NexmarkBinaryCodec.TryEncode(e, buffer, out var written));
        Assert.Equal(0, written);
        Assert.All(buffer, b => Assert.Equal(0, b));
        Assert.Throws<ArgumentException>(() => NexmarkBinaryCodec.Encode(e, buffer));
        Assert.True(NexmarkBinaryCodec.TryEncode(e, new byte[length], out written));
        Assert.Equal(length, written);
    }

    [Fact]
    public void Truncated_unknown_or_padded_input_raises_FormatException()
    {
        var bytes = NexmarkBinaryCodec.Encode(Generated[0]);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var prefix = bytes[..cut];
            Assert.Throws<FormatException>(() => NexmarkBinaryCodec.Decode(prefix));
        }

        var unknown = (byte[])bytes.Clone();
        unknown[0] = 9;
        Assert.Throws<FormatException>(() => NexmarkBinaryCodec.Decode(unknown));

        Assert.Throws<FormatException>(() => NexmarkBinaryCodec.Decode([.. bytes, 0]));

        // A varint that never terminates.
        Assert.Throws<FormatException>(() => NexmarkBinaryCodec.Decode([2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]));
    }
}
