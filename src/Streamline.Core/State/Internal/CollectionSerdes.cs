using System.Buffers;
using Streamline.Core.Serdes;

namespace Streamline.Core.State.Internal;

internal sealed class ListSerde<T>(ISerde<T> element) : ISerde<List<T>>
{
    public string Name => $"list<{element.Name}>";

    public void Serialize(List<T> value, IBufferWriter<byte> output)
    {
        SnapshotIo.WriteInt32(output, value.Count);
        foreach (var item in value) SnapshotIo.WriteValue(output, element, item);
    }

    public List<T> Deserialize(ReadOnlySpan<byte> data)
    {
        var count = SnapshotIo.ReadInt32(ref data);
        var list = new List<T>(count);
        for (var i = 0; i < count; i++) list.Add(SnapshotIo.ReadValue(ref data, element));
        return list;
    }
}

internal sealed class DictionarySerde<TKey, TValue>(ISerde<TKey> keys, ISerde<TValue> values) : ISerde<Dictionary<TKey, TValue>>
    where TKey : notnull
{
    public string Name => $"map<{keys.Name},{values.Name}>";

    public void Serialize(Dictionary<TKey, TValue> value, IBufferWriter<byte> output)
    {
        SnapshotIo.WriteInt32(output, value.Count);
        foreach (var (k, v) in value)
        {
            SnapshotIo.WriteValue(output, keys, k);
            SnapshotIo.WriteValue(output, values, v);
        }
    }

    public Dictionary<TKey, TValue> Deserialize(ReadOnlySpan<byte> data)
    {
        var count = SnapshotIo.ReadInt32(ref data);
        var map = new Dictionary<TKey, TValue>(count);
        for (var i = 0; i < count; i++)
        {
            var k = SnapshotIo.ReadValue(ref data, keys);
            map[k] = SnapshotIo.ReadValue(ref data, values);
        }
        return map;
    }
}
