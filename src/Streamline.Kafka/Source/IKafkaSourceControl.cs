using Confluent.Kafka;
using Streamline.Core.Records;

namespace Streamline.Kafka.Source;

/// <summary>
/// The materialized handle of a running <see cref="KafkaSourceStage{T}"/>: progress and
/// backpressure figures (safe to read from any thread), checkpoint barriers, offset commits
/// and a clean stop.
/// </summary>
public interface IKafkaSourceControl
{
    /// <summary>Next offset to emit per owned partition (the offset after the last record consumed).</summary>
    IReadOnlyDictionary<int, long> Positions { get; }

    /// <summary>High watermark − position per partition, from librdkafka's cached watermarks (-1 while unknown).</summary>
    IReadOnlyDictionary<int, long> Lag { get; }

    /// <summary>Records consumed from Kafka and not yet emitted downstream.</summary>
    int BufferedRecords { get; }

    /// <summary>The largest <see cref="BufferedRecords"/> seen so far.</summary>
    int MaxBufferedRecordsObserved { get; }

    int BufferedDeadLetters { get; }

    /// <summary>True while the owned partitions are paused because a buffer is full.</summary>
    bool IsPaused { get; }

    /// <summary>How many times the partitions were paused.</summary>
    long PauseCount { get; }

    /// <summary>The last transient error librdkafka reported (it keeps retrying on its own).</summary>
    Error? LastError { get; }

    /// <summary>
    /// Emits <paramref name="barrier"/> in-band after every record consumed so far and completes,
    /// once the barrier has been emitted, with the next offset per partition at that cut.
    /// </summary>
    Task<IReadOnlyDictionary<int, long>> InjectBarrier(CheckpointBarrier barrier);

    /// <summary>Commits next-offsets per partition to the consumer group (after a checkpoint completed).</summary>
    Task CommitOffsets(IReadOnlyDictionary<int, long> offsets);

    /// <summary>
    /// Stops consuming, emits what is already buffered as downstream pulls it, then completes the
    /// outputs and closes the consumer; the task is <see cref="Completion"/>. (To stop without
    /// draining, cancel downstream instead: unemitted records are re-read from the last checkpoint.)
    /// </summary>
    Task Stop();

    /// <summary>Completes when the stage has stopped and the consumer is closed; faults if the stage failed.</summary>
    Task Completion { get; }
}
