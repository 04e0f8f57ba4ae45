using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Streamline.Core.State;
using Xunit;

namespace Streamline.Core.Tests.State;

public sealed class KeyGroupRangeTests
{
    private static readonly Arbitrary<(int Max, int Parallelism)> Layouts =
        Gen.Choose(1, 4096).SelectMany(max => Gen.Choose(1, Math.Min(max, 300)).Select(p => (max, p))).ToArbitrary();

    [Property]
    public Property Task_ranges_are_disjoint_contiguous_and_cover_every_key_group() =>
        Prop.ForAll(Layouts, layout =>
        {
            var (max, parallelism) = layout;
            var next = 0;
            for (var i = 0; i < parallelism; i++)
            {
                var range = KeyGroupRange.ForTask(max, parallelism, i);
                if (range.Start != next || range.End < range.Start) return false;
                next = range.End;
            }
            return next == max;
        });

    [Property]
    public Property Task_ranges_differ_in_size_by_at_most_one() =>
        Prop.ForAll(Layouts, layout =>
        {
            var sizes = Enumerable.Range(0, layout.Parallelism).Select(i => KeyGroupRange.ForTask(layout.Max, layout.Parallelism, i).Count).ToList();
            return sizes.Max() - sizes.Min() <= 1 && sizes.Min() >= 1;
        });

    [Property]
    public Property TaskFor_is_the_inverse_of_ForTask() =>
        Prop.ForAll(Layouts, layout =>
        {
            var (max, parallelism) = layout;
            for (var i = 0; i < parallelism; i++)
            {
                var range = KeyGroupRange.ForTask(max, parallelism, i);
                for (var group = range.Start; group < range.End; group++)
                    if (KeyGroups.TaskFor(group, max, parallelism) != i) return false;
            }
            return true;
        });

    [Fact]
    public void Parallelism_above_max_parallelism_is_rejected_naming_the_bound()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => KeyGroupRange.ForTask(8, 9, 0));
        Assert.Equal("parallelism", e.ParamName);
        Assert.Contains("1..8", e.Message);
    }

    [Fact]
    public void A_key_always_hashes_to_the_same_key_group()
    {
        var serde = Streamline.Core.Serdes.Serdes.Default<string>();
        var groups = Enumerable.Range(0, 1000).Select(i => KeyGroups.Assign(KeyGroups.StableHash($"user-{i}", serde), 128)).ToList();
        var again = Enumerable.Range(0, 1000).Select(i => KeyGroups.Assign(KeyGroups.StableHash($"user-{i}", serde), 128)).ToList();
        Assert.Equal(groups, again);
        Assert.All(groups, g => Assert.InRange(g, 0, 127));
        // A stable hash spreads keys: 1000 keys should touch most of the 128 groups.
        Assert.True(groups.Distinct().Count() > 100);
    }
}
