using CoreSerdes = Streamline.Core.Serdes.Serdes;
using Streamline.Core.State;
using Streamline.Core.Time;
using Xunit;

namespace Streamline.Core.Tests.State;

public sealed class KeyedStateBackendTests
{
    private readonly VirtualClock _clock = new(1_000);

    private KeyedStateBackend<string> NewBackend(KeyGroupRange? range = null) =>
        new(range ?? new KeyGroupRange(0, 128), 128, CoreSerdes.Utf8String, _clock);

    [Fact]
    public void Value_state_is_scoped_to_the_current_key()
    {
        var backend = NewBackend();
        var count = backend.GetValueState<long>("count");
        backend.SetCurrentKey("a");
        count.Value = 3;
        backend.SetCurrentKey("b");
        Assert.False(count.HasValue);
        count.Value = 7;
        backend.SetCurrentKey("a");
        Assert.Equal(3, count.Value);
        count.Clear();
        Assert.False(count.HasValue);
        Assert.True(backend.TryGetValue("count", "b", out long b));
        Assert.Equal(7, b);
    }

    [Fact]
    public void List_and_map_state_are_scoped_to_the_current_key()
    {
        var backend = NewBackend();
        var list = backend.GetListState<int>("list");
        var map = backend.GetMapState<string, int>("map");
        backend.SetCurrentKey("a");
        list.Add(1);
        list.Add(2);
        map.Put("x", 1);
        map.Put("y", 2);
        backend.SetCurrentKey("b");
        Assert.Empty(list.Get());
        Assert.Empty(map.Entries());
        list.Update(new[] { 9 });
        backend.SetCurrentKey("a");
        Assert.Equal(new[] { 1, 2 }, list.Get());
        Assert.True(map.Remove("x"));
        Assert.False(map.Remove("x"));
        Assert.Equal(new Dictionary<string, int> { ["y"] = 2 }, map.Entries());
        Assert.True(map.Remove("y"));
        // The last entry removed removes the key's map altogether.
        Assert.Equal(0, backend.Tables.Single(t => t.Name == "map").Count);
    }

    [Fact]
    public void Value_state_expires_exactly_when_its_ttl_has_passed_since_the_last_write()
    {
        var backend = NewBackend();
        var seen = backend.GetValueState<string>("seen", options: new StateOptions(TimeSpan.FromSeconds(10)));
        backend.SetCurrentKey("a");
        seen.Value = "first";
        _clock.AdvanceTo(10_999);
        Assert.Equal("first", seen.Value);
        seen.Value = "second"; // a write restarts the TTL
        _clock.AdvanceTo(20_998);
        Assert.Equal("second", seen.Value);
        _clock.AdvanceTo(20_999);
        Assert.False(seen.HasValue);
        Assert.Null(seen.Value);
    }

    [Fact]
    public void List_state_with_ttl_starts_empty_again_after_expiry()
    {
        var backend = NewBackend();
        var list = backend.GetListState<int>("recent", options: new StateOptions(TimeSpan.FromMilliseconds(100)));
        backend.SetCurrentKey("a");
        list.Add(1);
        _clock.AdvanceTo(1_100);
        Assert.Empty(list.Get());
        list.Add(2);
        Assert.Equal(new[] { 2 }, list.Get());
    }

    [Fact]
    public void A_zero_ttl_is_rejected_naming_the_option()
    {
        var backend = NewBackend();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => backend.GetValueState<int>("x", options: new StateOptions(TimeSpan.Zero)));
        Assert.Equal("TimeToLive", e.ParamName);
    }

    [Fact]
    public void A_key_outside_the_owned_key_groups_is_rejected()
    {
        var backend = NewBackend(new KeyGroupRange(0, 1));
        var foreign = Enumerable.Range(0, 100).Select(i => $"k{i}").First(k => backend.KeyGroupOf(k) != 0);
        var e = Assert.Throws<InvalidOperationException>(() => backend.SetCurrentKey(foreign));
        Assert.Contains(foreign, e.Message);
    }

    [Fact]
    public void Snapshot_then_restore_into_a_new_backend_reproduces_value_list_and_map_state()
    {
        var original = NewBackend();
        Fill(original, Keys(50));
        var restored = NewBackend();
        restored.Restore(original.Snapshot());
        AssertHolds(restored, Keys(50));
    }

    [Fact]
    public void State_restored_before_the_operator_registers_it_is_applied_on_registration()
    {
        var original = NewBackend();
        Fill(original, Keys(10));
        var restored = NewBackend();
        restored.Restore(original.Snapshot());
        Assert.Empty(restored.Tables);
        AssertHolds(restored, Keys(10));
    }

    [Fact]
    public void Snapshot_contains_only_non_empty_key_groups()
    {
        var backend = NewBackend();
        Fill(backend, new[] { "only" });
        var snapshot = Assert.Single(backend.Snapshot());
        Assert.Equal(backend.KeyGroupOf("only"), snapshot.KeyGroup);
    }

    internal static IReadOnlyList<string> Keys(int n) => Enumerable.Range(0, n).Select(i => $"key-{i}").ToList();

    internal static void Fill(KeyedStateBackend<string> backend, IEnumerable<string> keys)
    {
        var value = backend.GetValueState<long>("value");
        var list = backend.GetListState<string>("list");
        var map = backend.GetMapState<string, long>("map");
        foreach (var key in keys)
        {
            backend.SetCurrentKey(key);
            value.Value = key.Length * 10L + 1;
            list.Add(key + "-a");
            list.Add(key + "-b");
            map.Put("len", key.Length);
            map.Put(key, 42);
        }
    }

    internal static void AssertHolds(KeyedStateBackend<string> backend, IEnumerable<string> keys)
    {
        var value = backend.GetValueState<long>("value");
        var list = backend.GetListState<string>("list");
        var map = backend.GetMapState<string, long>("map");
        foreach (var key in keys)
        {
            backend.SetCurrentKey(key);
            Assert.Equal(key.Length * 10L + 1, value.Value);
            Assert.Equal(new[] { key + "-a", key + "-b" }, list.Get());
            Assert.Equal(new Dictionary<string, long> { ["len"] = key.Length, [key] = 42 }, map.Entries());
        }
    }
}
