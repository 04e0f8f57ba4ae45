using Streamline.Runtime.Checkpoints;

namespace Streamline.Runtime.Tasks;

/// <summary>
/// The checkpoint or savepoint a deployment restores from, with each vertex's parallelism when it
/// was taken: a task whose vertex changed parallelism reads every earlier task of the vertex and
/// keeps the key groups (and source partitions) it now owns.
/// </summary>
public sealed record RestoreFrom(CheckpointKind Kind, long CheckpointId, IReadOnlyDictionary<int, int> Parallelism);
