using System.Buffers;
using Confluent.Kafka;
using Streamline.Core.Records;
using Streamline.Core.Serdes;

namespace Streamline.Kafka.Internal;

/// <summary>Builds Kafka messages from Streamline values, shared by the sink stage and the producer helper.</summary>
internal sealed class KafkaMessages<T>
{
    private readonly ISerde<T> _serde;
    private readonly Func<T, byte[]?>? _keySelector;
    // Reused between records: Kafka wants a byte[] per message, so only the final copy allocates.
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public KafkaMessages(ISerde<T> serde, Func<T, byte[]?>? keySelector)
    {
        _serde = serde;
        _keySelector = keySelector;
    }

    /// <summary>Not thread-safe: one instance per producing thread.</summary>
    public Message<byte[]?, byte[]> Create(T value, long? timestamp, RecordHeaders? headers)
    {
        _buffer.ResetWrittenCount();
        _serde.Serialize(value, _buffer);
        var message = new Message<byte[]?, byte[]>
        {
            Key = _keySelector?.Invoke(value),
            Value = _buffer.WrittenSpan.ToArray(),
        };
        if (timestamp is { } ts) message.Timestamp = new Timestamp(ts, TimestampType.CreateTime);
        if (headers is { Count: > 0 })
        {
            message.Headers = new Headers();
            foreach (var (key, bytes) in headers) message.Headers.Add(key, bytes);
        }
        return message;
    }
}
