using Streamline.Samples.Etl.Shards;
using Streamline.Samples.Tests.Support;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Shards;

public sealed class ShardWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ShardDocument Doc(int i) => new($"d{i}", $"https://e.com/{i}", "test", $"Document number {i}.\nSecond line ü.", 10 + i);

    private string[] Files() => [.. Directory.EnumerateFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void Commit_publishes_shards_and_manifest_that_round_trip()
    {
        using (var writer = new ShardWriter(_dir.Path, ShardWriterSettings.Default with { MaxDocuments = 4 }))
        {
            for (var i = 0; i < 10; i++)
            {
                writer.Write(Doc(i));
            }

            var published = writer.Commit();

            Assert.Equal(["shard-00000.jsonl.zst", "shard-00001.jsonl.zst", "shard-00002.jsonl.zst"], published.Select(p => p.FileName));
            Assert.Equal([4L, 4L, 2L], published.Select(p => p.Documents));
        }

        Assert.Equal(["manifest.json", "shard-00000.jsonl.zst", "shard-00001.jsonl.zst", "shard-00002.jsonl.zst"], Files());
        var verification = ShardReader.Verify(_dir.Path);
        Assert.True(verification.IsValid, string.Join("; ", verification.Errors));
        Assert.Equal(10, verification.Documents);
        Assert.Equal(Enumerable.Range(0, 10).Sum(i => 10L + i), verification.Tokens);
        Assert.Equal(Enumerable.Range(0, 10).Select(Doc), ShardReader.ReadAll(_dir.Path));
        var manifest = ShardReader.ReadManifest(_dir.Path);
        Assert.All(manifest.Shards, s => Assert.True(s.CompressedBytes > 0 && s.UncompressedBytes > 0 && s.XxHash64.Length == 16));
    }

    [Fact]
    public void Rolls_by_uncompressed_bytes()
    {
        using var writer = new ShardWriter(_dir.Path, ShardWriterSettings.Default with { MaxUncompressedBytes = 300 });
        for (var i = 0; i < 10; i++)
        {
            writer.Write(Doc(i));
        }

        var published = writer.Commit();

        Assert.True(published.Count > 1);
        Assert.All(published, p => Assert.True(p.UncompressedBytes <= 300, $"{p.FileName}: {p.UncompressedBytes}"));
        Assert.Equal(10, published.Sum(p => p.Documents));
    }

    [Fact]
    public void Before_commit_only_inprogress_files_exist_and_none_remain_after()
    {
        using var writer = new ShardWriter(_dir.Path, ShardWriterSettings.Default with { MaxDocuments = 2 });
        for (var i = 0; i < 5; i++)
        {
            writer.Write(Doc(i));
        }

        Assert.All(Files(), f => Assert.EndsWith(ShardWriter.InProgressSuffix, f));
        Assert.Empty(ShardReader.ReadManifest(_dir.Path).Shards);
        Assert.Equal(5, writer.PendingDocuments);

        writer.Commit();

        Assert.DoesNotContain(Files(), f => f.EndsWith(ShardWriter.InProgressSuffix, StringComparison.Ordinal));
        Assert.Equal(0, writer.PendingDocuments);
    }

    [Fact]
    public void Uncommitted_data_never_appears_as_a_shard()
    {
        using (var writer = new ShardWriter(_dir.Path))
        {
            writer.Write(Doc(0));
            writer.Commit();
            writer.Write(Doc(1));
            writer.Write(Doc(2));
        }

        Assert.Equal(["manifest.json", "shard-00000.jsonl.zst"], Files());
        Assert.Equal([Doc(0)], ShardReader.ReadAll(_dir.Path));
    }

    [Fact]
    public void Reopening_after_a_crash_discards_leftovers_and_continues_numbering()
    {
        using (var writer = new ShardWriter(_dir.Path))
        {
            writer.Write(Doc(0));
            writer.Commit();
        }

        // Leftovers of a crashed epoch: an in-progress file and a renamed file the manifest never listed.
        File.WriteAllText(_dir.File("shard-00001.jsonl.zst.inprogress"), "partial");
        File.WriteAllText(_dir.File("shard-00002.jsonl.zst"), "orphan");

        using (var writer = new ShardWriter(_dir.Path))
        {
            Assert.Equal(["manifest.json", "shard-00000.jsonl.zst"], Files());
            writer.Write(Doc(1));
            writer.Commit();
        }

        Assert.Equal(["manifest.json", "shard-00000.jsonl.zst", "shard-00001.jsonl.zst"], Files());
        Assert.Equal([Doc(0), Doc(1)], ShardReader.ReadAll(_dir.Path));
        Assert.True(ShardReader.Verify(_dir.Path).IsValid);
    }

    [Fact]
    public void Abort_discards_pending_shards()
    {
        using var writer = new ShardWriter(_dir.Path, ShardWriterSettings.Default with { MaxDocuments = 1 });
        writer.Write(Doc(0));
        writer.Write(Doc(1));

        writer.Abort();
        writer.Write(Doc(2));
        writer.Commit();

        Assert.Equal([Doc(2)], ShardReader.ReadAll(_dir.Path));
        Assert.Equal("shard-00000.jsonl.zst", ShardReader.ReadManifest(_dir.Path).Shards.Single().FileName);
    }

    [Fact]
    public void Verify_detects_a_tampered_shard()
    {
        using (var writer = new ShardWriter(_dir.Path))
        {
            writer.Write(Doc(0));
            writer.Commit();
        }

        var path = _dir.File("shard-00000.jsonl.zst");
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(path, bytes);

        var verification = ShardReader.Verify(_dir.Path);

        Assert.False(verification.IsValid);
        Assert.Contains(verification.Errors, e => e.Contains("xxhash64", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_commit_writes_nothing()
    {
        using var writer = new ShardWriter(_dir.Path);

        Assert.Empty(writer.Commit());
        Assert.Empty(Files());
    }
}
