using System.Buffers.Binary;
using System.IO.Hashing;

namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// How one task's state for one checkpoint is laid out in the snapshot store.
/// <para>
/// The state row (persistence id <c>streamline|kind|pipeline|vertex|index</c>, sequence number =
/// checkpoint id) holds a header: format version, total length, chunk size and an XxHash3 of every
/// chunk, itself protected by a hash. A state that fits in one chunk follows the header in the
/// same row, so small states cost one row and one round trip.
/// </para>
/// <para>
/// A larger state is split into chunks stored under the persistence id <c>…|chunks</c> with
/// sequence number <c>checkpointId &lt;&lt; 20 | chunk</c>. Keeping all chunks under one id (rather
/// than one id per chunk) lets a single range delete remove every chunk of every older checkpoint
/// without knowing how many chunks each had. The header row is written only after all chunks are
/// durable, so a write torn by a crash leaves no header and reads as "nothing stored"; a chunk that
/// is missing or altered after that is caught by the hashes.
/// </para>
/// </summary>
internal static class CheckpointStateFormat
{
    public const int ChunkIndexBits = 20;

    /// <summary>At most this many chunks per state (about 1M; 8 TiB at 8 MiB chunks, far above the 2 GiB a byte[] can hold).</summary>
    public const int MaxChunks = 1 << ChunkIndexBits;

    /// <summary>Largest checkpoint id whose chunk sequence numbers still fit in a long.</summary>
    public const long MaxCheckpointId = long.MaxValue >> ChunkIndexBits;

    /// <summary>Akka.Persistence.Sql maps persistence_id to a 255-character column.</summary>
    public const int MaxPersistenceIdLength = 255;

    private const uint Magic = 0x4B434C53; // "SLCK" little-endian
    private const byte Version = 1;
    private const byte InlineFlag = 1;
    private const int FixedHeaderLength = 24;

    public static string StatePersistenceId(CheckpointKind kind, string pipeline, int vertex, int index) =>
        $"streamline|{kind}|{pipeline}|{vertex}|{index}";

    public static string ChunkPersistenceId(string statePersistenceId) => statePersistenceId + "|chunks";

    public static long ChunkSequenceNr(long checkpointId, int chunk) => (checkpointId << ChunkIndexBits) | (uint)chunk;

    /// <summary>The highest chunk sequence number of <paramref name="checkpointId"/>: deleting up to it removes all chunks of that and older checkpoints.</summary>
    public static long LastChunkSequenceNr(long checkpointId) => ChunkSequenceNr(checkpointId, MaxChunks - 1);

    public static int ChunkCount(long totalLength, int chunkSize) =>
        totalLength <= chunkSize ? 1 : checked((int)((totalLength + chunkSize - 1) / chunkSize));

    public static bool IsInline(long totalLength, int chunkSize) => totalLength <= chunkSize;

    public static int HeaderLength(int chunkCount) => FixedHeaderLength + 8 * chunkCount + 8;

    public static ulong Hash(ReadOnlySpan<byte> data) => XxHash3.HashToUInt64(data);

    /// <summary>The state row of a state that fits in one chunk: header and data together.</summary>
    public static byte[] EncodeInline(ReadOnlySpan<byte> state, int chunkSize)
    {
        var headerLength = HeaderLength(1);
        var row = new byte[headerLength + state.Length];
        WriteHeader(row, state.Length, chunkSize, [Hash(state)], inline: true);
        state.CopyTo(row.AsSpan(headerLength));
        return row;
    }

    /// <summary>The state row of a chunked state: the header only.</summary>
    public static byte[] EncodeHeader(long totalLength, int chunkSize, ReadOnlySpan<ulong> chunkHashes)
    {
        var row = new byte[HeaderLength(chunkHashes.Length)];
        WriteHeader(row, totalLength, chunkSize, chunkHashes, inline: false);
        return row;
    }

    /// <summary>Parses a state row; throws <see cref="InvalidDataException"/> saying what is wrong when it is not a valid header.</summary>
    public static StateHeader Decode(byte[] row)
    {
        if (row.Length < HeaderLength(0))
            throw new InvalidDataException($"its header row has {row.Length} bytes, fewer than any valid header");
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(row);
        if (magic != Magic)
            throw new InvalidDataException("its header row does not start with the Streamline checkpoint marker (not written by Streamline, or overwritten)");
        var version = row[4];
        if (version != Version)
            throw new InvalidDataException($"its header has format version {version}; this Streamline reads version {Version} (was it written by a newer Streamline?)");
        var inline = (row[5] & InlineFlag) != 0;
        var totalLength = BinaryPrimitives.ReadInt64LittleEndian(row.AsSpan(8));
        var chunkSize = BinaryPrimitives.ReadInt32LittleEndian(row.AsSpan(16));
        var chunkCount = BinaryPrimitives.ReadInt32LittleEndian(row.AsSpan(20));
        if (chunkCount is < 1 or > MaxChunks || row.Length < HeaderLength(chunkCount))
            throw new InvalidDataException($"its header is damaged (chunk count {chunkCount} in a {row.Length}-byte header row)");
        var headerLength = HeaderLength(chunkCount);
        var storedHeaderHash = BinaryPrimitives.ReadUInt64LittleEndian(row.AsSpan(headerLength - 8));
        if (storedHeaderHash != Hash(row.AsSpan(0, headerLength - 8)))
            throw new InvalidDataException("its header is damaged (header checksum mismatch)");
        if (totalLength < 0 || chunkSize < 1 || ChunkCount(totalLength, chunkSize) != chunkCount || inline != IsInline(totalLength, chunkSize))
            throw new InvalidDataException($"its header is inconsistent (length {totalLength}, chunk size {chunkSize}, {chunkCount} chunks)");
        var hashes = new ulong[chunkCount];
        for (var i = 0; i < chunkCount; i++)
            hashes[i] = BinaryPrimitives.ReadUInt64LittleEndian(row.AsSpan(FixedHeaderLength + 8 * i));
        if (inline && row.Length - headerLength != totalLength)
            throw new InvalidDataException($"its row holds {row.Length - headerLength} bytes of state where the header says {totalLength}");
        return new StateHeader(totalLength, chunkSize, hashes, inline, headerLength);
    }

    private static void WriteHeader(Span<byte> row, long totalLength, int chunkSize, ReadOnlySpan<ulong> chunkHashes, bool inline)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(row, Magic);
        row[4] = Version;
        row[5] = inline ? InlineFlag : (byte)0;
        BinaryPrimitives.WriteUInt16LittleEndian(row[6..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(row[8..], totalLength);
        BinaryPrimitives.WriteInt32LittleEndian(row[16..], chunkSize);
        BinaryPrimitives.WriteInt32LittleEndian(row[20..], chunkHashes.Length);
        for (var i = 0; i < chunkHashes.Length; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(row[(FixedHeaderLength + 8 * i)..], chunkHashes[i]);
        var headerLength = HeaderLength(chunkHashes.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(row[(headerLength - 8)..], Hash(row[..(headerLength - 8)]));
    }
}
