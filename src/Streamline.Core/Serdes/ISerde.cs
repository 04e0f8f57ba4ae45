using System.Buffers;

namespace Streamline.Core.Serdes;

/// <summary>Turns values into bytes and back; used by Kafka I/O, exchanges and state snapshots.</summary>
public interface ISerde<T>
{
    /// <summary>A short name for error messages, e.g. "utf8-string" or "json:Order".</summary>
    string Name { get; }

    void Serialize(T value, IBufferWriter<byte> output);

    /// <exception cref="SerdeException">The bytes are not a valid <typeparamref name="T"/>.</exception>
    T Deserialize(ReadOnlySpan<byte> data);
}
