using Streamline.Core.State;
using Streamline.Runtime.Checkpoints;
using Xunit;

namespace Streamline.Runtime.Tests.Checkpoints;

/// <summary>
/// A task's state is encoded straight into store-sized chunks (no array of the whole state) and
/// decoded from them; every split of the bytes over chunks gives back the same state.
/// </summary>
public sealed class TaskStateCodecTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(100_000)]
    [InlineData(int.MaxValue)]
    public void A_state_encoded_into_chunks_of_any_size_decodes_to_the_same_state(int chunkSize)
    {
        var state = SampleState(seed: chunkSize % 1000);

        var chunks = TaskStateCodec.Write(state, Math.Min(chunkSize, Array.MaxLength));

        Assert.All(chunks.Chunks.SkipLast(1), c => Assert.Equal(chunks.ChunkSize, c.Length));
        Assert.InRange(chunks.Chunks[^1].Length, 1, chunks.ChunkSize);
        Assert.Equal(TaskStateCodec.Write(state), chunks.ToArray());
        AssertSame(state, TaskStateCodec.Read(chunks));
        AssertSame(state, TaskStateCodec.Read(chunks.ToArray()));
    }

    [Fact]
    public void The_chunks_are_exactly_the_store_chunk_size_so_the_store_keeps_them_without_a_copy()
    {
        var state = new TaskState();
        state.Operators["window"] = Enumerable.Range(0, 40).Select(g => new KeyGroupSnapshot(g, Bytes(50_000, g))).ToList();

        var chunks = TaskStateCodec.Write(state, 64 * 1024);

        // 40 x 50 000 bytes plus framing: 30 full chunks of 64 KiB and a partial last one.
        Assert.Equal(31, chunks.Chunks.Count);
        Assert.All(chunks.Chunks.SkipLast(1), c => Assert.Equal(64 * 1024, c.Length));
        Assert.Equal(chunks.Length, chunks.Chunks.Sum(c => (long)c.Length));
        Assert.True(chunks.Length > 40 * 50_000);
    }

    [Fact]
    public void A_rescaled_task_decodes_only_the_key_groups_it_owns_and_every_source_position()
    {
        var state = SampleState(seed: 5);
        var chunks = TaskStateCodec.Write(state, 1000);

        var owned = TaskStateCodec.Read(chunks, g => g % 2 == 0);

        foreach (var (name, groups) in state.Operators)
        {
            var kept = groups.Where(g => g.KeyGroup % 2 == 0).ToList();
            Assert.Equal(kept.Select(g => g.KeyGroup), owned.Operators[name].Select(g => g.KeyGroup));
            for (var i = 0; i < kept.Count; i++) Assert.Equal(kept[i].Data, owned.Operators[name][i].Data);
        }
        Assert.Equal(state.Sources["readings"], owned.Sources["readings"]);
    }

    [Fact]
    public void A_state_that_ends_early_is_reported_not_read_short()
    {
        var state = new TaskState();
        state.Operators["count"] = [new KeyGroupSnapshot(7, Bytes(5000, 1))];
        var bytes = TaskStateCodec.Write(state);

        var error = Assert.Throws<InvalidDataException>(() => TaskStateCodec.Read(bytes[..3000]));
        Assert.Contains("operator 'count', key group 7", error.Message);
    }

    [Fact]
    public void Chunks_that_break_the_size_rule_are_refused_with_the_rule()
    {
        var error = Assert.Throws<ArgumentException>(() => new ChunkedBytes([new byte[10], new byte[12]], 12));
        Assert.Contains("chunk 0 of 2 holds 10 bytes; every chunk but the last must hold exactly 12", error.Message);
    }

    private static TaskState SampleState(int seed)
    {
        var random = new Random(seed);
        var state = new TaskState();
        foreach (var name in new[] { "count", "window-sums", "dedup" })
            state.Operators[name] = Enumerable.Range(0, random.Next(1, 30))
                .Select(g => new KeyGroupSnapshot(g * 3, Bytes(random.Next(0, 20_000), seed + g))).ToList();
        state.Sources["readings"] = Enumerable.Range(0, 6).ToDictionary(p => p, p => (long)random.Next());
        return state;
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static void AssertSame(TaskState expected, TaskState actual)
    {
        Assert.Equal(expected.Operators.Keys.Order(), actual.Operators.Keys.Order());
        foreach (var (name, groups) in expected.Operators)
        {
            Assert.Equal(groups.Select(g => g.KeyGroup), actual.Operators[name].Select(g => g.KeyGroup));
            for (var i = 0; i < groups.Count; i++) Assert.Equal(groups[i].Data, actual.Operators[name][i].Data);
        }
        Assert.Equal(expected.Sources.Keys.Order(), actual.Sources.Keys.Order());
        foreach (var (name, positions) in expected.Sources) Assert.Equal(positions, actual.Sources[name]);
    }
}
