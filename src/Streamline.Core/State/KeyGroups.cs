using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Streamline.Core.Serdes;

namespace Streamline.Core.State;

/// <summary>
/// Maps keys to key groups with a stable hash (the same on every node and every run), so that
/// a key's state and its records always meet in the task that owns its key group.
/// </summary>
public static class KeyGroups
{
    public const int DefaultMaxParallelism = 128;

    [ThreadStatic] private static ArrayBufferWriter<byte>? _scratch;

    /// <summary>Stable 64-bit hash of a key: xxHash3 of its serialized form.</summary>
    public static ulong StableHash<K>(K key, ISerde<K> serde)
    {
        switch (key)
        {
            case string s:
                return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(s.AsSpan()));
            case long l:
                return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref l, 1)));
            case int i:
                long widened = i;
                return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref widened, 1)));
            case null:
                throw new ArgumentNullException(nameof(key), "a key selector returned null; keys must not be null");
        }
        var buffer = _scratch ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        serde.Serialize(key, buffer);
        return XxHash3.HashToUInt64(buffer.WrittenSpan);
    }

    public static int Assign(ulong stableHash, int maxParallelism) => (int)(stableHash % (ulong)maxParallelism);

    /// <summary>The task index owning <paramref name="keyGroup"/> (inverse of <see cref="KeyGroupRange.ForTask"/>).</summary>
    public static int TaskFor(int keyGroup, int maxParallelism, int parallelism) =>
        (int)((long)keyGroup * parallelism / maxParallelism);
}
