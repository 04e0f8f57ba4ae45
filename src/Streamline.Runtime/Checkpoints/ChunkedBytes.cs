namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// A task's encoded state as a list of arrays: every chunk but the last holds exactly
/// <see cref="ChunkSize"/> bytes. The state is written straight into chunks of the store's size and
/// each chunk is stored as it is, so a checkpoint never holds one array of the whole state (no 2 GiB
/// limit, no growing buffer copied on every doubling, nothing on the large object heap twice).
/// </summary>
public sealed class ChunkedBytes
{
    public ChunkedBytes(IReadOnlyList<byte[]> chunks, int chunkSize)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        if (chunkSize < 1) throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "must be positive");
        for (var i = 0; i < chunks.Count; i++)
        {
            var ok = i < chunks.Count - 1 ? chunks[i].Length == chunkSize : chunks[i].Length is > 0 && chunks[i].Length <= chunkSize;
            if (!ok) throw new ArgumentException($"chunk {i} of {chunks.Count} holds {chunks[i].Length} bytes; every chunk but the last must hold exactly {chunkSize}, the last 1 to {chunkSize}", nameof(chunks));
        }
        Chunks = chunks;
        ChunkSize = chunkSize;
        Length = chunks.Sum(c => (long)c.Length);
    }

    public IReadOnlyList<byte[]> Chunks { get; }

    public int ChunkSize { get; }

    public long Length { get; }

    /// <summary>The bytes of <paramref name="data"/> copied into chunks of <paramref name="chunkSize"/>.</summary>
    public static ChunkedBytes Copy(ReadOnlySpan<byte> data, int chunkSize)
    {
        var chunks = new List<byte[]>();
        for (var offset = 0; offset < data.Length; offset += chunkSize)
            chunks.Add(data.Slice(offset, Math.Min(chunkSize, data.Length - offset)).ToArray());
        return new ChunkedBytes(chunks, chunkSize);
    }

    /// <summary>Reads the chunks in order as one stream (no copy of the whole).</summary>
    public Stream OpenRead() => new ChunkReadStream(this);

    /// <summary>All bytes in one array; only for states under 2 GiB (tests, small states).</summary>
    public byte[] ToArray()
    {
        if (Length > Array.MaxLength)
            throw new InvalidOperationException($"the state holds {Length} bytes, more than one array can ({Array.MaxLength}); read it with OpenRead");
        var all = new byte[Length];
        long at = 0;
        foreach (var chunk in Chunks)
        {
            chunk.CopyTo(all, at);
            at += chunk.Length;
        }
        return all;
    }
}
