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

    public override string ToString() => $"{Pipeline}/{OperatorName}#{SubtaskIndex}";
}
