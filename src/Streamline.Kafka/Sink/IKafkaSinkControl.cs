namespace Streamline.Kafka.Sink;

/// <summary>The materialized handle of a running <see cref="KafkaSinkStage{T}"/>; safe to read from any thread.</summary>
public interface IKafkaSinkControl
{
    /// <summary>Records acknowledged by Kafka.</summary>
    long Delivered { get; }

    /// <summary>Records handed to librdkafka and not yet acknowledged.</summary>
    int InFlight { get; }

    /// <summary>The largest <see cref="InFlight"/> seen so far (never above the configured bound).</summary>
    int MaxInFlightObserved { get; }

    /// <summary>
    /// Completes when upstream finished, every record was acknowledged and the producer is closed;
    /// faults with the delivery error if a record could not be delivered.
    /// </summary>
    Task Completion { get; }
}
