using System.Buffers;

namespace Streamline.Runtime.Serialization;

/// <summary>Writes and reads the stream elements of one edge's record type.</summary>
public interface IElementCodec
{
    Type RecordType { get; }

    void Write(object element, IBufferWriter<byte> output);

    object Read(ReadOnlySpan<byte> input);
}
