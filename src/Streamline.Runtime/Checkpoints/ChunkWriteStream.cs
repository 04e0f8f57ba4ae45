namespace Streamline.Runtime.Checkpoints;

/// <summary>
/// A write-only stream that fills chunks of a fixed size, allocating the next one only when the
/// current is full; <see cref="ToChunks"/> trims the last. Nothing is copied twice.
/// </summary>
internal sealed class ChunkWriteStream(int chunkSize) : Stream
{
    private readonly List<byte[]> _chunks = new();
    private byte[]? _current;
    private int _used;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_current is null)
            {
                // The first chunk starts small and doubles up to the chunk size: most task states
                // are far below one chunk. Later chunks are allocated whole.
                _current = new byte[Math.Min(chunkSize, 4096)];
                _chunks.Add(_current);
            }
            else if (_used == _current.Length)
            {
                if (_chunks.Count == 1 && _current.Length < chunkSize)
                {
                    var bigger = new byte[Math.Min(chunkSize, _current.Length * 2)];
                    _current.CopyTo(bigger, 0);
                    _chunks[0] = _current = bigger;
                }
                else
                {
                    _current = new byte[chunkSize];
                    _chunks.Add(_current);
                    _used = 0;
                }
            }
            var n = Math.Min(buffer.Length, _current.Length - _used);
            buffer[..n].CopyTo(_current.AsSpan(_used));
            _used += n;
            _length += n;
            buffer = buffer[n..];
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>The chunks written: all but the last exactly <c>chunkSize</c> bytes.</summary>
    public ChunkedBytes ToChunks()
    {
        var chunks = new List<byte[]>(_chunks);
        if (chunks.Count > 0 && _used < chunks[^1].Length) chunks[^1] = chunks[^1].AsSpan(0, _used).ToArray();
        return new ChunkedBytes(chunks, chunkSize);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
