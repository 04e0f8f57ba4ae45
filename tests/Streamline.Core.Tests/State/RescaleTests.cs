using CoreSerdes = Streamline.Core.Serdes.Serdes;
using Streamline.Core.State;
using Streamline.Core.Time;
using Xunit;

namespace Streamline.Core.Tests.State;

public sealed class RescaleTests
{
    private const int MaxParallelism = 128;
    private readonly VirtualClock _clock = new();

    private KeyedStateBackend<string>[] Backends(int parallelism) =>
        Enumerable.Range(0, parallelism)
            .Select(i => new KeyedStateBackend<string>(KeyGroupRange.ForTask(MaxParallelism, parallelism, i), MaxParallelism, CoreSerdes.Utf8String, _clock))
            .ToArray();

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    [InlineData(1, 4)]
    [InlineData(4, 1)]
    public void Restoring_into_a_different_parallelism_gives_each_task_exactly_its_key_groups_keys(int from, int to)
    {
        var keys = KeyedStateBackendTests.Keys(300);
        var before = Backends(from);
        foreach (var group in keys.GroupBy(k => KeyGroups.TaskFor(before[0].KeyGroupOf(k), MaxParallelism, from)))
            KeyedStateBackendTests.Fill(before[group.Key], group);
        var snapshots = before.SelectMany(b => b.Snapshot()).ToList();

        var after = Backends(to);
        foreach (var backend in after) backend.Restore(snapshots);

        var union = new List<string>();
        foreach (var backend in after)
        {
            var owned = keys.Where(k => backend.Range.Contains(backend.KeyGroupOf(k))).ToList();
            KeyedStateBackendTests.AssertHolds(backend, owned);
            // Nothing else: every table holds exactly the owned keys.
            Assert.All(backend.Tables, t => Assert.Equal(owned.Count, t.Count));
            union.AddRange(owned);
        }
        Assert.Equal(keys.Order(), union.Order());
    }
}
