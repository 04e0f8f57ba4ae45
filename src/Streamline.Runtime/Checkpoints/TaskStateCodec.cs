using System.Text;
using Streamline.Core.State;

namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// The binary layout of a <see cref="TaskState"/>: a version, then per operator its name and
/// (key group, bytes) pairs as the state backend wrote them, then per source its name and
/// (partition, next offset) pairs. Little-endian, length-prefixed; no JSON anywhere.
/// </summary>
public static class TaskStateCodec
{
    private const int Version = 1;

    /// <summary>Encodes <paramref name="state"/> straight into chunks of <paramref name="chunkSize"/> bytes (the store's chunk size).</summary>
    public static ChunkedBytes Write(TaskState state, int chunkSize)
    {
        using var stream = new ChunkWriteStream(chunkSize);
        WriteTo(stream, state);
        return stream.ToChunks();
    }

    /// <summary>Encodes <paramref name="state"/> into one array (small states; tests).</summary>
    public static byte[] Write(TaskState state) => Write(state, Array.MaxLength).ToArray();

    private static void WriteTo(Stream stream, TaskState state)
    {
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            w.Write(state.Operators.Count);
            foreach (var (name, groups) in state.Operators)
            {
                w.Write(name);
                w.Write(groups.Count);
                foreach (var g in groups)
                {
                    w.Write(g.KeyGroup);
                    w.Write(g.Data.Length);
                    w.Write(g.Data);
                }
            }
            w.Write(state.Sources.Count);
            foreach (var (name, positions) in state.Sources)
            {
                w.Write(name);
                w.Write(positions.Count);
                foreach (var (partition, offset) in positions)
                {
                    w.Write(partition);
                    w.Write(offset);
                }
            }
        }
    }

    public static TaskState Read(byte[] data) => Read(new MemoryStream(data, writable: false));

    /// <summary>
    /// Decodes a task's state; with <paramref name="keepKeyGroup"/>, key groups it rejects are skipped
    /// without being allocated (a rescaled task reads every earlier task's state but owns a part of it).
    /// </summary>
    public static TaskState Read(ChunkedBytes data, Func<int, bool>? keepKeyGroup = null) => Read(data.OpenRead(), keepKeyGroup);

    private static TaskState Read(Stream stream, Func<int, bool>? keepKeyGroup = null)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8);
        var version = r.ReadInt32();
        if (version != Version)
            throw new InvalidDataException($"task state format version {version} is not supported (expected {Version}); it was written by another Streamline version");
        var state = new TaskState();
        var operators = r.ReadInt32();
        for (var i = 0; i < operators; i++)
        {
            var name = r.ReadString();
            var count = r.ReadInt32();
            var groups = new List<KeyGroupSnapshot>(count);
            for (var j = 0; j < count; j++)
            {
                var group = r.ReadInt32();
                var length = r.ReadInt32();
                if (length < 0) throw new InvalidDataException($"operator '{name}', key group {group}: negative length {length}");
                if (keepKeyGroup is not null && !keepKeyGroup(group))
                {
                    Skip(stream, length, name, group);
                    continue;
                }
                var data = r.ReadBytes(length);
                if (data.Length != length) throw new InvalidDataException($"operator '{name}', key group {group}: {data.Length} of {length} bytes (the state ends early)");
                groups.Add(new KeyGroupSnapshot(group, data));
            }
            state.Operators[name] = groups;
        }
        var sources = r.ReadInt32();
        for (var i = 0; i < sources; i++)
        {
            var name = r.ReadString();
            var count = r.ReadInt32();
            var positions = new Dictionary<int, long>(count);
            for (var j = 0; j < count; j++) positions[r.ReadInt32()] = r.ReadInt64();
            state.Sources[name] = positions;
        }
        return state;
    }

    private static void Skip(Stream stream, int length, string name, int group)
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (length > 0)
        {
            var n = stream.Read(scratch[..Math.Min(scratch.Length, length)]);
            if (n == 0) throw new InvalidDataException($"operator '{name}', key group {group}: the state ends early");
            length -= n;
        }
    }
}
