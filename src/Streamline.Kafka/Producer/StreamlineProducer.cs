using Confluent.Kafka;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Kafka.Internal;
using Streamline.Kafka.Sink;

namespace Streamline.Kafka.Producer;

/// <summary>
/// A typed producer for services that write to the topics Streamline reads, using the same
/// serdes and key choice as the pipeline so both sides agree on the bytes.
/// <see cref="ProduceAsync"/> awaits each acknowledgement; <see cref="Produce"/> is the batched
/// path: it returns at once (blocking only while <see cref="KafkaSinkSettings.MaxInFlight"/>
/// records are unacknowledged) and the first failed delivery is thrown by the next
/// <see cref="Produce"/> or <see cref="Flush"/>. Thread-safe.
/// </summary>
public sealed class StreamlineProducer<T> : IDisposable
{
    private readonly KafkaSinkSettings _settings;
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly ISerde<T> _serde;
    private readonly Func<T, byte[]?>? _keySelector;
    private readonly SemaphoreSlim _inFlight;
    private readonly Action<DeliveryReport<byte[]?, byte[]>> _onDelivery;
    private readonly ThreadLocal<KafkaMessages<T>> _messages;
    private KafkaDeliveryException? _failure;
    private long _delivered;
    private int _disposed;

    public StreamlineProducer(KafkaSinkSettings settings, ISerde<T> valueSerde, Func<T, byte[]?>? keySelector = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings.Validate();
        _serde = valueSerde ?? throw new ArgumentNullException(nameof(valueSerde));
        _keySelector = keySelector;
        _messages = new ThreadLocal<KafkaMessages<T>>(() => new KafkaMessages<T>(_serde, _keySelector));
        _inFlight = new SemaphoreSlim(settings.MaxInFlight, settings.MaxInFlight);
        _onDelivery = OnDelivery;
        _producer = new ProducerBuilder<byte[]?, byte[]>(settings.ToProducerConfig()).Build();
    }

    public string Topic => _settings.Topic;

    /// <summary>Records acknowledged by Kafka so far (both paths).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Produces one record and completes when Kafka acknowledged it.</summary>
    public async Task<DeliveryResult<byte[]?, byte[]>> ProduceAsync(T value, RecordHeaders? headers = null, long? timestamp = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            var result = await _producer.ProduceAsync(_settings.Topic, _messages.Value!.Create(value, timestamp, headers), cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _delivered);
            return result;
        }
        catch (ProduceException<byte[]?, byte[]> e)
        {
            throw new KafkaDeliveryException(e.DeliveryResult?.TopicPartition ?? new TopicPartition(_settings.Topic, Partition.Any), e.Error, e);
        }
    }

    /// <summary>Hands one record to the batching producer; see the class remarks for failures.</summary>
    public void Produce(T value, RecordHeaders? headers = null, long? timestamp = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ThrowIfFailed();
        var message = _messages.Value!.Create(value, timestamp, headers);
        _inFlight.Wait();
        try
        {
            _producer.Produce(_settings.Topic, message, _onDelivery);
        }
        catch (ProduceException<byte[]?, byte[]> e)
        {
            _inFlight.Release();
            throw new KafkaDeliveryException(new TopicPartition(_settings.Topic, Partition.Any), e.Error, e);
        }
    }

    /// <summary>Waits until every record handed to <see cref="Produce"/> is acknowledged; throws the first failure.</summary>
    public void Flush(TimeSpan? timeout = null)
    {
        var limit = timeout ?? _settings.DeliveryTimeout;
        var remaining = _producer.Flush(limit);
        ThrowIfFailed();
        if (remaining > 0)
            throw new TimeoutException($"{remaining} record(s) for topic '{_settings.Topic}' were not acknowledged within {limit}.");
    }

    /// <summary>Flushes (bounded by the delivery timeout, errors swallowed) and closes the producer.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try { _producer.Flush(_settings.DeliveryTimeout); }
        catch (KafkaException) { }
        _producer.Dispose();
        _messages.Dispose();
        _inFlight.Dispose();
    }

    private void OnDelivery(DeliveryReport<byte[]?, byte[]> report)
    {
        if (report.Error.IsError)
            Interlocked.CompareExchange(ref _failure, new KafkaDeliveryException(report.TopicPartition, report.Error), null);
        else
            Interlocked.Increment(ref _delivered);
        if (Volatile.Read(ref _disposed) == 0) _inFlight.Release();
    }

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure) throw failure;
    }
}
