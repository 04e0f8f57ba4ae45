using System.Buffers;
using System.Buffers.Binary;
using Streamline.Core.Serdes;

namespace Streamline.Core.Windows.Internal;

internal sealed class WindowKeySerde<K>(ISerde<K> keys) : ISerde<WindowKey<K>>
{
    public string Name => $"window-key<{keys.Name}>";

    public void Serialize(WindowKey<K> value, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(16);
        BinaryPrimitives.WriteInt64LittleEndian(span, value.Window.Start);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], value.Window.End);
        output.Advance(16);
        keys.Serialize(value.Key, output);
    }

    public WindowKey<K> Deserialize(ReadOnlySpan<byte> data) => new(
        keys.Deserialize(data[16..]),
        new TimeWindow(BinaryPrimitives.ReadInt64LittleEndian(data), BinaryPrimitives.ReadInt64LittleEndian(data[8..])));
}

internal sealed class TimeWindowListSerde : ISerde<List<TimeWindow>>
{
    public static readonly TimeWindowListSerde Instance = new();

    public string Name => "time-window-list";

    public void Serialize(List<TimeWindow> value, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(4 + 16 * value.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span, value.Count);
        for (var i = 0; i < value.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[(4 + 16 * i)..], value[i].Start);
            BinaryPrimitives.WriteInt64LittleEndian(span[(12 + 16 * i)..], value[i].End);
        }
        output.Advance(4 + 16 * value.Count);
    }

    public List<TimeWindow> Deserialize(ReadOnlySpan<byte> data)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(data);
        var list = new List<TimeWindow>(count);
        for (var i = 0; i < count; i++)
            list.Add(new TimeWindow(BinaryPrimitives.ReadInt64LittleEndian(data[(4 + 16 * i)..]), BinaryPrimitives.ReadInt64LittleEndian(data[(12 + 16 * i)..])));
        return list;
    }
}
