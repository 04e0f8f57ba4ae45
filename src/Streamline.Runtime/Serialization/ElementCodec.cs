using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Streamline.Core.Records;
using Streamline.Core.Serdes;

namespace Streamline.Runtime.Serialization;

/// <summary>
/// Binary form of <see cref="StreamElement{T}"/>: a kind byte, then for a batch the record count
/// and per record its timestamp, headers and value bytes (written by the pipeline's serde for
/// <typeparamref name="T"/>); for a control signal its fields.
/// </summary>
public sealed class ElementCodec<T>(ISerde<T> serde) : IElementCodec
{
    private const byte Batch = 0, WatermarkKind = 1, Barrier = 2, Flush = 3, Time = 4, Idle = 5;

    public Type RecordType => typeof(T);

    public void Write(object element, IBufferWriter<byte> output)
    {
        switch (element)
        {
            case RecordBatch<T> batch:
                WriteByte(output, Batch);
                WriteInt(output, batch.Count);
                var value = new ArrayBufferWriter<byte>(256);
                foreach (ref readonly var r in batch.Records)
                {
                    WriteLong(output, r.Timestamp);
                    var headers = r.Headers;
                    WriteInt(output, headers?.Count ?? 0);
                    if (headers is not null)
                        foreach (var (k, v) in headers)
                        {
                            WriteBytes(output, Encoding.UTF8.GetBytes(k));
                            WriteBytes(output, v);
                        }
                    value.ResetWrittenCount();
                    serde.Serialize(r.Value, value);
                    WriteBytes(output, value.WrittenSpan);
                }
                break;
            case ControlElement<T> { Signal: var signal }:
                switch (signal)
                {
                    case Watermark w: WriteByte(output, WatermarkKind); WriteLong(output, w.Timestamp); break;
                    case CheckpointBarrier b: WriteByte(output, Barrier); WriteLong(output, b.CheckpointId); WriteLong(output, b.Timestamp); break;
                    case FlushMarker f: WriteByte(output, Flush); WriteLong(output, f.Sequence); break;
                    case ProcessingTimeAdvance p: WriteByte(output, Time); WriteLong(output, p.Timestamp); break;
                    case IdleStatus i: WriteByte(output, Idle); WriteByte(output, i.Idle ? (byte)1 : (byte)0); break;
                    default: throw new NotSupportedException($"control signal {signal.GetType().Name} has no wire form");
                }
                break;
            default:
                throw new ArgumentException($"expected a StreamElement<{typeof(T).Name}>, got {element.GetType().Name}", nameof(element));
        }
    }

    public object Read(ReadOnlySpan<byte> input)
    {
        var kind = input[0];
        input = input[1..];
        switch (kind)
        {
            case Batch:
                var count = ReadInt(ref input);
                var batch = new RecordBatch<T>(count);
                for (var i = 0; i < count; i++)
                {
                    var ts = ReadLong(ref input);
                    var headerCount = ReadInt(ref input);
                    RecordHeaders? headers = null;
                    for (var h = 0; h < headerCount; h++)
                    {
                        var key = Encoding.UTF8.GetString(ReadBytes(ref input));
                        (headers ??= new RecordHeaders()).Add(key, ReadBytes(ref input).ToArray());
                    }
                    batch.Add(serde.Deserialize(ReadBytes(ref input)), ts, headers);
                }
                return batch;
            case WatermarkKind: return new ControlElement<T>(new Watermark(ReadLong(ref input)));
            case Barrier:
                var id = ReadLong(ref input);
                return new ControlElement<T>(new CheckpointBarrier(id, ReadLong(ref input)));
            case Flush: return new ControlElement<T>(new FlushMarker(ReadLong(ref input)));
            case Time: return new ControlElement<T>(new ProcessingTimeAdvance(ReadLong(ref input)));
            case Idle: return new ControlElement<T>(new IdleStatus(input[0] == 1));
            default: throw new SerdeException($"unknown stream element kind {kind} (corrupt exchange message?)");
        }
    }

    private static void WriteByte(IBufferWriter<byte> o, byte b)
    {
        o.GetSpan(1)[0] = b;
        o.Advance(1);
    }

    private static void WriteInt(IBufferWriter<byte> o, int v)
    {
        BinaryPrimitives.WriteInt32LittleEndian(o.GetSpan(4), v);
        o.Advance(4);
    }

    private static void WriteLong(IBufferWriter<byte> o, long v)
    {
        BinaryPrimitives.WriteInt64LittleEndian(o.GetSpan(8), v);
        o.Advance(8);
    }

    private static void WriteBytes(IBufferWriter<byte> o, ReadOnlySpan<byte> bytes)
    {
        WriteInt(o, bytes.Length);
        o.Write(bytes);
    }

    private static int ReadInt(ref ReadOnlySpan<byte> s)
    {
        var v = BinaryPrimitives.ReadInt32LittleEndian(s);
        s = s[4..];
        return v;
    }

    private static long ReadLong(ref ReadOnlySpan<byte> s)
    {
        var v = BinaryPrimitives.ReadInt64LittleEndian(s);
        s = s[8..];
        return v;
    }

    private static ReadOnlySpan<byte> ReadBytes(ref ReadOnlySpan<byte> s)
    {
        var n = ReadInt(ref s);
        var bytes = s[..n];
        s = s[n..];
        return bytes;
    }
}
