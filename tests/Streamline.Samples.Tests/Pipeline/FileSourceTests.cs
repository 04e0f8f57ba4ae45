using System.IO.Compression;
using System.Text;
using Streamline.Samples.Etl.Ingest;
using Streamline.Samples.Etl.Pipeline;
using Streamline.Samples.Tests.Support;
using Xunit;
using ZstdSharp;

namespace Streamline.Samples.Tests.Pipeline;

public sealed class FileSourceTests
{
    [Fact]
    public void Reads_every_jsonl_flavour_in_name_order_skipping_blank_lines_and_other_files()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.jsonl"), "a1\n\na2\n");
        using (var gz = new GZipStream(File.Create(dir.File("b.jsonl.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes("b1\nb2\n"));
        }

        using (var file = File.Create(dir.File("c.jsonl.zst")))
        using (var zst = new CompressionStream(file))
        {
            zst.Write(Encoding.UTF8.GetBytes("c1\n"));
        }

        File.WriteAllText(dir.File("notes.txt"), "ignored\n");

        var lines = FileSource.ReadLines(IngestFiles.EnumerateFiles(dir.Path)).ToList();

        Assert.Equal(["a1", "a2", "b1", "b2", "c1"], lines);
    }

    [Fact]
    public void A_missing_directory_fails_when_the_pipeline_is_defined()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"));

        Assert.Throws<DirectoryNotFoundException>(() => new FileSource(missing));
    }
}
