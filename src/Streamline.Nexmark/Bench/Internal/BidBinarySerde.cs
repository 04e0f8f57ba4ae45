using System.Buffers;
using Streamline.Core.Serdes;
using Streamline.Nexmark.Model;
using Streamline.Nexmark.Serialization;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>A bare <see cref="Bid"/> (q0's result) in <see cref="NexmarkBinaryCodec"/> form: same bytes as the input bid.</summary>
internal sealed class BidBinarySerde : ISerde<Bid>
{
    public static BidBinarySerde Instance { get; } = new();

    public string Name => "nexmark-binary:Bid";

    public void Serialize(Bid value, IBufferWriter<byte> output) => NexmarkBinarySerde.Instance.Serialize(new NexmarkEvent(value), output);

    public Bid Deserialize(ReadOnlySpan<byte> data) =>
        NexmarkBinarySerde.Instance.Deserialize(data).Bid ?? throw new SerdeException($"{Name}: the record is not a bid");
}
