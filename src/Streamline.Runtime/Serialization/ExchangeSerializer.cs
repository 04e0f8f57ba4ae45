using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Akka.Actor;
using Akka.Serialization;
using Streamline.Runtime.Exchange;
using Streamline.Runtime.Exchange.Messages;

namespace Streamline.Runtime.Serialization;

/// <summary>
/// Binary serializer of the exchange protocol. Data messages carry record batches written with
/// the pipeline's serdes (looked up per edge in <see cref="ExchangeCodecs"/>), never JSON or Hyperion.
/// </summary>
public sealed class ExchangeSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    private const string DataManifest = "D", CreditManifest = "C", ConnectManifest = "O", EndManifest = "E", EnvelopeManifest = "T";

    public override int Identifier => 7301;

    public override string Manifest(object o) => o switch
    {
        ExchangeData => DataManifest,
        ExchangeCredit => CreditManifest,
        ExchangeConnect => ConnectManifest,
        ExchangeEnd => EndManifest,
        Tasks.TaskEnvelope => EnvelopeManifest,
        _ => throw new ArgumentException($"{o.GetType().Name} is not an exchange message"),
    };

    public override byte[] ToBinary(object obj)
    {
        var output = new ArrayBufferWriter<byte>(1024);
        if (obj is Tasks.TaskEnvelope envelope)
        {
            // The envelope of sharding: task id, then the inner message with whatever serializer it binds to.
            WriteString(output, envelope.Task.EntityId);
            var inner = system.Serialization.FindSerializerFor(envelope.Message);
            WriteLong(output, inner.Identifier);
            WriteString(output, Akka.Serialization.Serialization.ManifestFor(inner, envelope.Message));
            var bytes = inner.ToBinary(envelope.Message);
            WriteLong(output, bytes.Length);
            output.Write(bytes);
            return output.WrittenSpan.ToArray();
        }
        var message = (IExchangeMessage)obj;
        WriteChannel(output, message.Channel);
        switch (obj)
        {
            case ExchangeData data:
                WriteLong(output, data.Sequence);
                ExchangeCodecs.Get(system).For(data.Channel.Pipeline, data.Channel.Edge).Write(data.Element, output);
                break;
            case ExchangeCredit credit:
                WriteLong(output, credit.Credits);
                break;
            case ExchangeConnect connect:
                WriteString(output, Akka.Serialization.Serialization.SerializedActorPath(connect.Sender));
                break;
            case ExchangeEnd end:
                WriteLong(output, end.LastSequence);
                break;
        }
        return output.WrittenSpan.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        ReadOnlySpan<byte> input = bytes;
        if (manifest == EnvelopeManifest)
        {
            var task = Tasks.TaskId.Parse(ReadString(ref input));
            var serializerId = (int)ReadLong(ref input);
            var innerManifest = ReadString(ref input);
            var length = (int)ReadLong(ref input);
            return new Tasks.TaskEnvelope(task, system.Serialization.Deserialize(input[..length].ToArray(), serializerId, innerManifest));
        }
        var channel = ReadChannel(ref input);
        return manifest switch
        {
            DataManifest => ReadData(channel, input),
            CreditManifest => new ExchangeCredit(channel, (int)ReadLong(ref input)),
            ConnectManifest => new ExchangeConnect(channel, system.Provider.ResolveActorRef(ReadString(ref input))),
            EndManifest => new ExchangeEnd(channel, ReadLong(ref input)),
            _ => throw new System.Runtime.Serialization.SerializationException($"unknown exchange manifest '{manifest}'"),
        };
    }

    private ExchangeData ReadData(ChannelId channel, ReadOnlySpan<byte> input)
    {
        var sequence = ReadLong(ref input);
        return new ExchangeData(channel, sequence, ExchangeCodecs.Get(system).For(channel.Pipeline, channel.Edge).Read(input));
    }

    private static void WriteChannel(IBufferWriter<byte> o, ChannelId c)
    {
        WriteString(o, c.Pipeline);
        WriteLong(o, c.Edge);
        WriteLong(o, c.Source);
        WriteLong(o, c.Target);
        WriteLong(o, c.Epoch);
    }

    private static ChannelId ReadChannel(ref ReadOnlySpan<byte> s)
    {
        var pipeline = ReadString(ref s);
        return new ChannelId(pipeline, (int)ReadLong(ref s), (int)ReadLong(ref s), (int)ReadLong(ref s), (int)ReadLong(ref s));
    }

    private static void WriteLong(IBufferWriter<byte> o, long v)
    {
        BinaryPrimitives.WriteInt64LittleEndian(o.GetSpan(8), v);
        o.Advance(8);
    }

    private static long ReadLong(ref ReadOnlySpan<byte> s)
    {
        var v = BinaryPrimitives.ReadInt64LittleEndian(s);
        s = s[8..];
        return v;
    }

    private static void WriteString(IBufferWriter<byte> o, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteLong(o, bytes.Length);
        o.Write(bytes);
    }

    private static string ReadString(ref ReadOnlySpan<byte> s)
    {
        var n = (int)ReadLong(ref s);
        var value = Encoding.UTF8.GetString(s[..n]);
        s = s[n..];
        return value;
    }
}
