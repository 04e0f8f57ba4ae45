namespace Streamline.Core.State;

/// <summary>The keyed state of one operator instance, as the runtime sees it (for checkpoints).</summary>
public interface IKeyedStateBackend
{
    KeyGroupRange Range { get; }

    int MaxParallelism { get; }

    IReadOnlyCollection<IStateTable> Tables { get; }

    /// <summary>One snapshot per non-empty key group of <see cref="Range"/>.</summary>
    IReadOnlyList<KeyGroupSnapshot> Snapshot();

    /// <summary>Restores key groups; groups outside <see cref="Range"/> are ignored (they belong to other tasks).</summary>
    void Restore(IEnumerable<KeyGroupSnapshot> snapshots);
}
