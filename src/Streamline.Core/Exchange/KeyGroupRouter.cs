using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.State;

namespace Streamline.Core.Exchange;

/// <summary>
/// Routes by key group: the task owning the key group of the record's key receives it, so records
/// and keyed state of a key always meet in the same task, at any parallelism.
/// </summary>
public sealed class KeyGroupRouter<T, K>(Func<T, K> keySelector, ISerde<K> keySerde, int maxParallelism) : IRecordRouter<T>
{
    public int Route(in Record<T> record, int targets)
    {
        var group = KeyGroups.Assign(KeyGroups.StableHash(keySelector(record.Value), keySerde), maxParallelism);
        return KeyGroups.TaskFor(group, maxParallelism, targets);
    }
}
