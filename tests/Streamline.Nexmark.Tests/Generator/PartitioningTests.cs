using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Model;
using Xunit;

namespace Streamline.Nexmark.Tests.Generator;

public sealed class PartitioningTests
{
    private static readonly GeneratorConfig Config = GeneratorConfig.Default.WithMaxEvents(10_000);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Interleaved_partitions_are_disjoint_and_their_union_is_the_single_generator_stream(int count)
    {
        var single = NexmarkGenerator.Generate(Config).ToList();
        var merged = new NexmarkEvent?[single.Count];
        for (var index = 0; index < count; index++)
        {
            var generator = new NexmarkGenerator(Config, index, count);
            var previous = long.MinValue;
            while (generator.HasNext)
            {
                var position = generator.Position;
                Assert.Equal(index, position % count);
                Assert.Null(merged[position]);
                var e = generator.NextEvent();
                Assert.True(e.Timestamp >= previous);
                previous = e.Timestamp;
                merged[position] = e;
            }
        }

        Assert.Equal(single, merged);
    }

    [Fact]
    public void Partition_arguments_are_validated()
    {
        Assert.Equal("partitionCount", Assert.Throws<ArgumentOutOfRangeException>(() => new NexmarkGenerator(Config, 0, 0)).ParamName);
        Assert.Equal("partitionIndex", Assert.Throws<ArgumentOutOfRangeException>(() => new NexmarkGenerator(Config, 3, 3)).ParamName);
        Assert.Equal("partitionIndex", Assert.Throws<ArgumentOutOfRangeException>(() => new NexmarkGenerator(Config, -1, 3)).ParamName);
    }

    [Fact]
    public void Seek_to_a_checkpointed_position_resumes_the_same_sequence()
    {
        var original = new NexmarkGenerator(Config, 1, 4);
        for (var i = 0; i < 100; i++)
        {
            original.NextEvent();
        }

        var checkpoint = original.Position;
        var expected = Enumerable.Range(0, 50).Select(_ => original.NextEvent()).ToList();

        var restored = new NexmarkGenerator(Config, 1, 4);
        restored.Seek(checkpoint);
        Assert.Equal(expected, Enumerable.Range(0, 50).Select(_ => restored.NextEvent()));
        Assert.Throws<ArgumentOutOfRangeException>(() => restored.Seek(checkpoint + 1));
    }

    [Fact]
    public void Beam_split_covers_the_id_range_in_contiguous_disjoint_slices()
    {
        var parts = Config.Split(3);
        Assert.Equal(3, parts.Count);
        Assert.Equal(new long[] { 3_333, 3_333, 3_334 }, parts.Select(p => p.MaxEvents));
        Assert.Equal(Config.StartEventId, parts[0].StartEventId);
        Assert.Equal(parts[0].StopEventId, parts[1].StartEventId);
        Assert.Equal(parts[1].StopEventId, parts[2].StartEventId);
        Assert.Equal(Config.StopEventId, parts[2].StopEventId);
        Assert.All(parts, p => Assert.Equal(Config.FirstEventNumber, p.FirstEventNumber));
        Assert.Same(Config, Config.Split(1).Single());
    }

    [Fact]
    public void Beam_split_parts_hold_the_single_generator_events_on_parallel_timelines()
    {
        var single = NexmarkGenerator.Generate(Config).ToList();
        var offset = 0;
        foreach (var part in Config.Split(4))
        {
            var events = NexmarkGenerator.Generate(part).ToList();
            Assert.Equal(part.MaxEvents, events.Count);

            // Each part restarts at the base time: same content, own event-time axis.
            Assert.Equal(Config.BaseTimeMs, events[0].Timestamp);
            for (var i = 0; i < events.Count; i++)
            {
                Assert.Equal(WithoutTime(single[offset + i]), WithoutTime(events[i]));
            }

            offset += events.Count;
        }

        Assert.Equal(single.Count, offset);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Beam_split_rejects_counts_outside_1_to_max_events(int count) =>
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Config.Split(count)).ParamName);

    private static object WithoutTime(NexmarkEvent e) => e.Kind switch
    {
        EventKind.Person => e.AsPerson() with { DateTime = 0 },
        EventKind.Auction => e.AsAuction() with { DateTime = 0, Expires = 0 },
        _ => e.AsBid() with { DateTime = 0 },
    };
}
