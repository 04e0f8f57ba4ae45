using System.Buffers;

namespace Streamline.Core.State;

/// <summary>One named piece of keyed state, stored per key group so it can be snapshotted and moved.</summary>
public interface IStateTable
{
    string Name { get; }

    /// <summary>Live entries across all key groups this task owns.</summary>
    long Count { get; }

    void SnapshotKeyGroup(int keyGroup, IBufferWriter<byte> output);

    void RestoreKeyGroup(int keyGroup, ReadOnlySpan<byte> data);

    void Clear();
}
