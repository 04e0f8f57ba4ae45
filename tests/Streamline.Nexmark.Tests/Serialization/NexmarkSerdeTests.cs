using System.Buffers;
using System.Text;
using Streamline.Core.Serdes;
using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Model;
using Streamline.Nexmark.Serialization;
using Xunit;

namespace Streamline.Nexmark.Tests.Serialization;

public sealed class NexmarkSerdeTests
{
    [Theory]
    [InlineData(NexmarkEventFormat.Binary)]
    [InlineData(NexmarkEventFormat.Json)]
    public void Generated_events_round_trip(NexmarkEventFormat format)
    {
        var serde = NexmarkSerdes.For(format);
        // One shared output buffer: each value must be written exactly where the writer says.
        var buffer = new ArrayBufferWriter<byte>(16);
        foreach (var e in NexmarkGenerator.Generate(GeneratorConfig.Default.WithMaxEvents(2_000)))
        {
            buffer.ResetWrittenCount();
            serde.Serialize(e, buffer);
            Assert.Equal(e, serde.Deserialize(buffer.WrittenSpan));
            Assert.Equal(e, serde.Deserialize(serde.ToBytes(e)));
        }
    }

    [Fact]
    public void Binary_serde_writes_the_codec_bytes()
    {
        var e = NexmarkGenerator.Generate(GeneratorConfig.Default.WithMaxEvents(3)).Last();
        Assert.Equal(NexmarkBinaryCodec.Encode(e), NexmarkBinarySerde.Instance.ToBytes(e));
    }

    [Fact]
    public void Json_serde_wraps_the_event_in_an_nxf_style_envelope()
    {
        var bid = new Bid(1000, 1001, 250, "Google", "https://x", 1_436_918_400_123, "e");
        var json = Encoding.UTF8.GetString(NexmarkJsonSerde.Instance.ToBytes(new NexmarkEvent(bid)));
        Assert.StartsWith("{\"event_type\":2,\"bid\":{\"auction\":1000,", json, StringComparison.Ordinal);

        // Nulls for the other kinds and any member order are accepted.
        var reordered = $"{{\"person\":null,\"bid\":{json[json.IndexOf("{\"auction\"", StringComparison.Ordinal)..^1]},\"auction\":null,\"event_type\":2}}";
        Assert.Equal(new NexmarkEvent(bid), NexmarkJsonSerde.Instance.Deserialize(Encoding.UTF8.GetBytes(reordered)));
    }

    [Theory]
    [InlineData(NexmarkEventFormat.Binary, new byte[] { 7, 1, 2 })]
    [InlineData(NexmarkEventFormat.Json, new byte[] { (byte)'{', (byte)'}' })]
    [InlineData(NexmarkEventFormat.Json, new byte[] { (byte)'[' })]
    public void Invalid_bytes_are_a_serde_exception(NexmarkEventFormat format, byte[] data) =>
        Assert.Throws<SerdeException>(() => NexmarkSerdes.For(format).Deserialize(data));

    [Fact]
    public void Json_event_type_must_match_the_object()
    {
        var json = NexmarkJsonSerde.Instance.ToBytes(NexmarkGenerator.Generate(GeneratorConfig.Default.WithMaxEvents(3)).Last());
        var wrong = Encoding.UTF8.GetString(json).Replace("\"event_type\":", "\"event_type\":9", StringComparison.Ordinal);
        Assert.Throws<SerdeException>(() => NexmarkJsonSerde.Instance.Deserialize(Encoding.UTF8.GetBytes(wrong)));
    }
}
