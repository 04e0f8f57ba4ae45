namespace Streamline.Runtime.Checkpoints;

/// <summary>A decoded state row header.</summary>
internal sealed record StateHeader(long TotalLength, int ChunkSize, ulong[] ChunkHashes, bool Inline, int HeaderLength)
{
    public int ChunkCount => ChunkHashes.Length;

    public int ChunkLength(int chunk) => (int)Math.Min(ChunkSize, TotalLength - (long)chunk * ChunkSize);
}
