namespace Streamline.Runtime.Checkpoints;

/// <summary>A forward-only read stream over the chunks of a <see cref="ChunkedBytes"/>.</summary>
internal sealed class ChunkReadStream(ChunkedBytes bytes) : Stream
{
    private int _chunk;
    private int _offset;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => bytes.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = 0;
        while (read < buffer.Length && _chunk < bytes.Chunks.Count)
        {
            var chunk = bytes.Chunks[_chunk];
            var n = Math.Min(buffer.Length - read, chunk.Length - _offset);
            chunk.AsSpan(_offset, n).CopyTo(buffer[read..]);
            read += n;
            _offset += n;
            if (_offset == chunk.Length)
            {
                _chunk++;
                _offset = 0;
            }
        }
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
