using System.Buffers;
using Streamline.Core.Serdes;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>
/// Wraps a result serde to count what the Kafka sink serializes and fold a <see cref="ResultChecksum"/>
/// of the bytes, so a Kafka-mode run can be compared with an engine-mode run value for value.
/// Costs one copy of each result's bytes.
/// </summary>
internal sealed class ChecksummingSerde<T>(ISerde<T> inner) : ISerde<T>
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    private long _count;
    private long _checksum;

    public long Count => Interlocked.Read(ref _count);

    public long Checksum => Interlocked.Read(ref _checksum);

    public string Name => inner.Name;

    public void Serialize(T value, IBufferWriter<byte> output)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        inner.Serialize(value, buffer);
        output.Write(buffer.WrittenSpan);
        Interlocked.Add(ref _checksum, ResultChecksum.Of(buffer.WrittenSpan));
        Interlocked.Increment(ref _count);
    }

    public T Deserialize(ReadOnlySpan<byte> data) => inner.Deserialize(data);
}
