using Streamline.Core.State;

namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// Everything one task captured for one checkpoint: the keyed state of each of its operators (per
/// key group, so it can be split when parallelism changes) and each source's positions.
/// </summary>
public sealed class TaskState
{
    public Dictionary<string, List<KeyGroupSnapshot>> Operators { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<int, long>> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="other"/>'s entries (another task of the same vertex, for a rescaled restore).</summary>
    public void Merge(TaskState other)
    {
        foreach (var (name, groups) in other.Operators)
        {
            if (!Operators.TryGetValue(name, out var list)) Operators[name] = list = new List<KeyGroupSnapshot>();
            list.AddRange(groups);
        }
        foreach (var (name, positions) in other.Sources)
        {
            if (!Sources.TryGetValue(name, out var merged)) Sources[name] = merged = new Dictionary<int, long>();
            foreach (var (partition, offset) in positions) merged[partition] = offset;
        }
    }
}
