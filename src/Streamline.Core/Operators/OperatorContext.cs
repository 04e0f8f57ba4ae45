using Streamline.Core.Records;
using Streamline.Core.State;
using Streamline.Core.Time;

namespace Streamline.Core.Operators;

/// <summary>What an operator instance knows about where it runs.</summary>
public sealed class OperatorContext
{
    public OperatorContext(string pipeline, string operatorName, int subtaskIndex, int parallelism, int maxParallelism, IClock clock, int maxBatchSize)
    {
        Pipeline = pipeline;
        OperatorName = operatorName;
        SubtaskIndex = subtaskIndex;
        Parallelism = parallelism;
        MaxParallelism = maxParallelism;
        Clock = clock;
        MaxBatchSize = maxBatchSize;
        KeyGroups = KeyGroupRange.ForTask(maxParallelism, parallelism, subtaskIndex);
    }

    public string Pipeline { get; }

    public string OperatorName { get; }

    public int SubtaskIndex { get; }

    public int Parallelism { get; }

    public int MaxParallelism { get; }

    /// <summary>The key groups this instance owns.</summary>
    public KeyGroupRange KeyGroups { get; }

    public IClock Clock { get; }

    public int MaxBatchSize { get; }

    /// <summary>The last watermark this operator received (long.MinValue before the first).</summary>
    public long CurrentWatermark { get; internal set; } = long.MinValue;

    /// <summary>Receives the keyed state backend an operator creates (checkpoints and the test harness read it).</summary>
    public Action<OperatorContext, IKeyedStateBackend>? OnStateCreated { get; init; }

    /// <summary>
    /// Called on the operator's own stage thread when a checkpoint barrier reached it (aligned over
    /// its inputs), after the operator saw every record before the barrier and before the barrier
    /// moves on: the moment to snapshot its state.
    /// </summary>
    public Action<OperatorContext, CheckpointBarrier>? OnBarrier { get; init; }

    /// <summary>
    /// For a source instance restored from a checkpoint: the position to resume from per partition
    /// (the next offset to read), for every partition of the source's previous instances; a source
    /// picks the partitions it owns. Null when the source starts from its configured position.
    /// </summary>
    public IReadOnlyDictionary<int, long>? RestoredSourcePositions { get; init; }

    public override string ToString() => $"{Pipeline}/{OperatorName}#{SubtaskIndex}";
}
