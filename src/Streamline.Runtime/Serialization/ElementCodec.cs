using System.Buffers;
using System.Text;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.State.Internal;

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
                SnapshotIo.WriteInt32(output, batch.Count);
                foreach (ref readonly var r in batch.Records)
                {
                    SnapshotIo.WriteInt64(output, r.Timestamp);
                    var headers = r.Headers;
                    SnapshotIo.WriteInt32(output, headers?.Count ?? 0);
                    if (headers is not null)
                        foreach (var (k, v) in headers)
                        {
                            SnapshotIo.WriteBytes(output, Encoding.UTF8.GetBytes(k));
                            SnapshotIo.WriteBytes(output, v);
                        }
                    SnapshotIo.WriteValue(output, serde, r.Value);
                }
                break;
            case ControlElement<T> { Signal: var signal }:
                switch (signal)
                {
                    case Watermark w: WriteByte(output, WatermarkKind); SnapshotIo.WriteInt64(output, w.Timestamp); break;
                    case CheckpointBarrier b: WriteByte(output, Barrier); SnapshotIo.WriteInt64(output, b.CheckpointId); SnapshotIo.WriteInt64(output, b.Timestamp); WriteByte(output, b.IsSavepoint ? (byte)1 : (byte)0); break;
                    case FlushMarker f: WriteByte(output, Flush); SnapshotIo.WriteInt64(output, f.Sequence); break;
                    case ProcessingTimeAdvance p: WriteByte(output, Time); SnapshotIo.WriteInt64(output, p.Timestamp); break;
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
                var count = SnapshotIo.ReadInt32(ref input);
                var batch = new RecordBatch<T>(count);
                for (var i = 0; i < count; i++)
                {
                    var ts = SnapshotIo.ReadInt64(ref input);
                    var headerCount = SnapshotIo.ReadInt32(ref input);
                    RecordHeaders? headers = null;
                    for (var h = 0; h < headerCount; h++)
                    {
                        var key = Encoding.UTF8.GetString(SnapshotIo.ReadBytes(ref input));
                        (headers ??= new RecordHeaders()).Add(key, SnapshotIo.ReadBytes(ref input).ToArray());
                    }
                    batch.Add(serde.Deserialize(SnapshotIo.ReadBytes(ref input)), ts, headers);
                }
                return batch;
            case WatermarkKind: return new ControlElement<T>(new Watermark(SnapshotIo.ReadInt64(ref input)));
            case Barrier:
                var id = SnapshotIo.ReadInt64(ref input);
                var timestamp = SnapshotIo.ReadInt64(ref input);
                return new ControlElement<T>(new CheckpointBarrier(id, timestamp, input[0] == 1));
            case Flush: return new ControlElement<T>(new FlushMarker(SnapshotIo.ReadInt64(ref input)));
            case Time: return new ControlElement<T>(new ProcessingTimeAdvance(SnapshotIo.ReadInt64(ref input)));
            case Idle: return new ControlElement<T>(new IdleStatus(input[0] == 1));
            default: throw new SerdeException($"unknown stream element kind {kind} (corrupt exchange message?)");
        }
    }

    private static void WriteByte(IBufferWriter<byte> o, byte b)
    {
        o.GetSpan(1)[0] = b;
        o.Advance(1);
    }
}
