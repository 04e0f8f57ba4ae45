using System.IO.Compression;
using System.Text;
using Parquet;
using Parquet.Schema;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Ingest;
using Streamline.Samples.Tests.Support;
using Xunit;
using ZstdSharp;

namespace Streamline.Samples.Tests.Etl.Ingest;

public sealed class IngestReaderTests : IDisposable
{
    private static readonly DateTimeOffset Time = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static RawDocument Doc(string id) => new(id, $"https://e.com/{id}", $"Text of {id}.", "fixture", Time, ContentType.Text);

    private static string Jsonl(params RawDocument[] docs) => string.Join('\n', docs.Select(RawDocumentJsonl.Serialize)) + "\n";

    [Theory]
    [InlineData("a.jsonl", IngestFileFormat.Jsonl)]
    [InlineData("a.JSONL.GZ", IngestFileFormat.JsonlGzip)]
    [InlineData("dir/a.jsonl.zst", IngestFileFormat.JsonlZstd)]
    [InlineData("a.parquet", IngestFileFormat.Parquet)]
    [InlineData("a.json", IngestFileFormat.Unknown)]
    public void Detects_format_from_extension(string path, IngestFileFormat format) =>
        Assert.Equal(format, IngestFiles.DetectFormat(path));

    [Fact]
    public void Reads_plain_jsonl_with_positions_and_reports_bad_lines()
    {
        var path = _dir.File("a.jsonl");
        File.WriteAllText(path, RawDocumentJsonl.Serialize(Doc("a1")) + "\n\n{broken\n" + RawDocumentJsonl.Serialize(Doc("a2")) + "\n");

        var records = JsonlFileReader.ReadDocuments(path).ToList();

        Assert.Equal([0L, 2L, 3L], records.Select(r => r.Position));
        Assert.Equal(Doc("a1"), records[0].Result.Document);
        Assert.Equal("malformed JSON", records[1].Result.Error?.Reason);
        Assert.Equal(Doc("a2"), records[2].Result.Document);
    }

    [Fact]
    public void Reads_gzip_jsonl()
    {
        var path = _dir.File("b.jsonl.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Jsonl(Doc("b1"), Doc("b2"))));
        }

        Assert.Equal([Doc("b1"), Doc("b2")], JsonlFileReader.ReadDocuments(path).Select(r => r.Result.Document));
    }

    [Fact]
    public void Reads_zstd_jsonl()
    {
        var path = _dir.File("c.jsonl.zst");
        File.WriteAllBytes(path, new Compressor(3).Wrap(Encoding.UTF8.GetBytes(Jsonl(Doc("c1"), Doc("c2")))).ToArray());

        Assert.Equal([Doc("c1"), Doc("c2")], JsonlFileReader.ReadDocuments(path).Select(r => r.Result.Document));
    }

    [Fact]
    public async Task Reads_parquet_with_timestamp_column_across_row_groups()
    {
        var path = _dir.File("d.parquet");
        await WriteParquetAsync(path, [["d1", "d2"], ["d3"]]);

        var records = await ParquetDocumentReader.ReadDocumentsAsync(path).ToListAsync();

        Assert.Equal([Doc("d1"), Doc("d2"), Doc("d3")], records.Select(r => r.Result.Document));
        Assert.Equal([0L, 1L, 2L], records.Select(r => r.Position));
    }

    [Fact]
    public async Task Parquet_rows_with_missing_values_become_validation_errors()
    {
        var path = _dir.File("e.parquet");
        var schema = new ParquetSchema(new DataField<string>("id"), new DataField<string>("url"), new DataField<string>("text"));
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(schema.DataFields[0], ["e1"]);
            await group.WriteAsync(schema.DataFields[1], ["https://e.com/e1"]);
            await group.WriteAsync(schema.DataFields[2], ["text"]);
        }

        var record = Assert.Single(await ParquetDocumentReader.ReadDocumentsAsync(path).ToListAsync());

        Assert.Equal(new ValidationError("source", "missing", "e.parquet#row0"), record.Result.Error);
    }

    [Fact]
    public async Task Directory_source_reads_all_formats_in_name_order_and_ignores_other_files()
    {
        File.WriteAllText(_dir.File("1.jsonl"), Jsonl(Doc("x1")));
        using (var gzip = new GZipStream(File.Create(_dir.File("2.jsonl.gz")), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Jsonl(Doc("x2"))));
        }

        File.WriteAllBytes(_dir.File("3.jsonl.zst"), new Compressor(1).Wrap(Encoding.UTF8.GetBytes(Jsonl(Doc("x3")))).ToArray());
        await WriteParquetAsync(_dir.File("4.parquet"), [["x4"]]);
        File.WriteAllText(_dir.File("readme.txt"), "not data");

        var records = await IngestFiles.ReadDirectoryAsync(_dir.Path).ToListAsync();

        Assert.Equal(["x1", "x2", "x3", "x4"], records.Select(r => r.Result.Document?.Id));
        Assert.Equal(4, IngestFiles.EnumerateFiles(_dir.Path).Count);
    }

    [Fact]
    public void Reading_is_lazy()
    {
        var path = _dir.File("truncated.jsonl.zst");
        var compressed = new Compressor(3).Wrap(Encoding.UTF8.GetBytes(Jsonl([.. Enumerable.Range(0, 5000).Select(i => Doc($"n{i}"))]))).ToArray();
        File.WriteAllBytes(path, compressed[..(compressed.Length / 2)]);

        // An eager reader would hit the truncated frame before returning anything.
        var first = JsonlFileReader.ReadDocuments(path).Take(2).ToList();

        Assert.All(first, r => Assert.True(r.Result.IsValid));
        Assert.ThrowsAny<Exception>(() => JsonlFileReader.ReadDocuments(path).Count());
    }

    private static async Task WriteParquetAsync(string path, string[][] rowGroups)
    {
        var id = new DataField<string>("id");
        var url = new DataField<string>("url");
        var text = new DataField<string>("text");
        var source = new DataField<string>("source");
        var fetchTime = new DataField<DateTime>("fetch_time");
        var schema = new ParquetSchema(id, url, text, source, fetchTime);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        foreach (var ids in rowGroups)
        {
            using var group = writer.CreateRowGroup();
            var docs = ids.Select(Doc).ToArray();
            await group.WriteAsync(id, docs.Select(d => d.Id).ToArray());
            await group.WriteAsync(url, docs.Select(d => d.Url).ToArray());
            await group.WriteAsync(text, docs.Select(d => d.Text).ToArray());
            await group.WriteAsync(source, docs.Select(d => d.Source).ToArray());
            await group.WriteAsync(fetchTime, new ReadOnlyMemory<DateTime>([.. docs.Select(d => d.FetchTime.UtcDateTime)]));
        }
    }
}
