using System.Text;
using Streamline.Samples.Etl;
using Streamline.Samples.Etl.Generator;
using Streamline.Samples.Etl.Shards;
using Streamline.Samples.Tests.Support;
using Xunit;

namespace Streamline.Samples.Tests.Pipeline;

public sealed class EtlJobTests
{
    [Fact]
    public async Task A_run_without_input_generates_a_corpus_writes_verified_shards_and_reports_every_document()
    {
        using var output = new TempDirectory();
        var log = new StringBuilder();

        var report = await EtlJob.RunAsync(
            new EtlJobOptions { OutputDirectory = output.Path, GeneratedFiles = 3 },
            new StringWriter(log),
            CancellationToken.None);

        var generated = CorpusGenerator.Generate(new CorpusGeneratorSettings()).Count;
        var verification = ShardReader.Verify(output.Path);
        Assert.Equal(generated, report.Input);
        Assert.Equal(0, report.Unaccounted);
        Assert.Equal(0, report.Failed);
        Assert.True(verification.IsValid, string.Join("; ", verification.Errors));
        Assert.Equal(report.Kept, verification.Documents);
        Assert.Equal(report.TokensKept, verification.Tokens);
        Assert.True(report.Kept > 0 && report.Rejected > 0 && report.ExactDuplicates > 0 && report.NearDuplicates > 0, report.ToString());
        Assert.True(report.DocumentsPerSecond > 0 && report.MegabytesPerSecond > 0);
        Assert.Contains("near duplicates", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_directory_is_refused_before_anything_runs()
    {
        var options = new EtlJobOptions { InputDirectory = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N")) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => EtlJob.RunAsync(options, TextWriter.Null, CancellationToken.None));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
