using Streamline.Core.Records;

namespace Streamline.Core.Sources;

/// <summary>
/// A source control whose position can be checkpointed: positions are next-offsets per partition
/// (Kafka partitions, or a single partition 0 for a sequence), restored through
/// <see cref="Operators.OperatorContext.RestoredSourcePositions"/>.
/// </summary>
public interface ICheckpointedSource
{
    /// <summary>Emits <paramref name="barrier"/> after everything read so far; completes with the positions at that cut.</summary>
    Task<IReadOnlyDictionary<int, long>> InjectBarrier(CheckpointBarrier barrier);

    /// <summary>A checkpoint including <paramref name="positions"/> completed: make the progress visible (e.g. commit offsets to Kafka).</summary>
    Task CommitPositions(IReadOnlyDictionary<int, long> positions);
}
