using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Sources;
using Streamline.Core.Stages;
using Streamline.Core.Time;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Ingest;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// A bounded source over a directory of <c>.jsonl</c>, <c>.jsonl.gz</c>, <c>.jsonl.zst</c> and <c>.parquet</c>
/// files (<see cref="IngestFiles"/>: ordinal name order, read lazily), one record per non-blank line, so the
/// pipeline downstream is the same as for Kafka. Parquet rows are re-encoded as JSONL; a row that fails
/// validation is emitted as its "file#rowN" reference, which the pipeline's parser then reports as invalid
/// (the row's original field/reason are not carried over). Instance i of n reads every n-th file.
/// Event time is ingestion time unless a strategy says otherwise.
/// </summary>
public sealed class FileSource : ISourceDefinition<string>
{
    private readonly string _directory;

    public FileSource(string directory, WatermarkStrategy<string>? watermarks = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"input directory '{directory}' does not exist");
        }

        _directory = directory;
        WatermarkStrategy = watermarks ?? WatermarkStrategy<string>.ForMonotonousTimestamps();
    }

    public WatermarkStrategy<string> WatermarkStrategy { get; }

    public string Describe() => $"files in {_directory}";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ISourceControl> register)
    {
        var files = IngestFiles.EnumerateFiles(_directory).Where((_, i) => i % context.Parallelism == context.SubtaskIndex).ToArray();
        return new ReportingStage<EnumerableSourceControl<string>>(
            new EnumerableSourceStage<string>(name, ReadLines(files), WatermarkStrategy, context), register);
    }

    /// <summary>The records this source emits for <paramref name="files"/>, in order.</summary>
    public static IEnumerable<string> ReadLines(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var lines = IngestFiles.DetectFormat(file) == IngestFileFormat.Parquet
                ? ParquetLines(file)
                : JsonlFileReader.ReadLines(file).Where(line => line.Length > 0);
            foreach (var line in lines)
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> ParquetLines(string file) =>
        ParquetDocumentReader.ReadDocumentsAsync(file).ToBlockingEnumerable()
            .Select(r => r.Result.IsValid ? RawDocumentJsonl.Serialize(r.Result.Document) : r.Result.Error.RawLine);
}
