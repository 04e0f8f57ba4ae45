using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Generator;
using Streamline.Samples.Etl.Pipeline;
using Streamline.Samples.Tests.Support;
using Xunit;

namespace Streamline.Samples.Tests.Pipeline;

public sealed class WatchedDirectorySourceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_file_dropped_into_the_directory_while_the_pipeline_runs_is_processed_and_in_progress_files_are_not()
    {
        var corpus = CorpusGenerator.Generate();
        var half = corpus.Count / 2;
        using var input = new TempDirectory();
        using var output = new TempDirectory();
        WriteLines(input.File("a.jsonl"), corpus.Take(half));
        var p = PipelineBuilder.Create("etl-watched");
        var capture = new EtlCapture(p, p.Source(new WatchedDirectorySource(input.Path, TimeSpan.FromMilliseconds(20)), "input-files"), output.File("shards"));

        var system = ActorSystem.Create("etl-watched", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        try
        {
            var running = LocalRunner.Run(p.Build(), system);
            await Eventually.Until(() => capture.Accounted == half, Patience, () => $"first file: {capture.Describe()}");

            // A writer still busy (unknown extension) and a hidden file are ignored; the completed file appears by rename.
            WriteLines(input.File("c.jsonl.tmp"), corpus.Take(5));
            WriteLines(input.File(".hidden.jsonl"), corpus.Take(5));
            WriteLines(input.File("b.jsonl.tmp"), corpus.Skip(half));
            File.Move(input.File("b.jsonl.tmp"), input.File("b.jsonl"));
            await Eventually.Until(() => capture.Accounted == corpus.Count, Patience, () => $"second file: {capture.Describe()}");

            // A flush through the running pipeline proves nothing else was queued behind the last line.
            await running.FlushAsync(Patience);
            Assert.False(running.Completion.IsCompleted, "an unbounded source must keep running until stopped");
            running.Stop();
            await running.Completion.WaitAsync(Patience);
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }

        capture.AssertGroundTruth(corpus, []);
    }

    [Theory]
    [InlineData("part-0001.jsonl", true)]
    [InlineData("part-0001.jsonl.zst", true)]
    [InlineData("part-0001.parquet", true)]
    [InlineData("part-0001.jsonl.tmp", false)]
    [InlineData(".part-0001.jsonl", false)]
    [InlineData("_temporary.jsonl", false)]
    [InlineData("notes.txt", false)]
    public void Only_completed_files_of_a_supported_format_are_read(string name, bool read)
    {
        Assert.Equal(read, WatchedDirectorySource.IsCompletedFile(Path.Combine("/data/in", name)));
    }

    private static void WriteLines(string path, IEnumerable<GeneratedDocument> documents) =>
        File.WriteAllLines(path, documents.Select(d => RawDocumentJsonl.Serialize(d.Document)));
}
