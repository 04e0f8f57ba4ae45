using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Sources;
using Streamline.Core.Stages;
using Streamline.Core.Time;
using Streamline.Samples.Etl.Ingest;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// An unbounded source over a directory: reads the files already there, then every new file as it appears,
/// each once, in ordinal name order per scan, one record per non-blank line (formats as <see cref="FileSource"/>).
/// Only completed files are read: writers must create a file under a name this source ignores (an unknown
/// extension such as <c>.tmp</c>, or a name starting with '.' or '_') and rename it when it is complete.
/// The directory is scanned on a timer thread, never on the stream's thread; the stage is woken when a scan
/// finds new files and reads them only as downstream demand allows. It runs until the pipeline is stopped.
/// Instance i of n reads the files whose name hashes to i.
/// </summary>
public sealed class WatchedDirectorySource : ISourceDefinition<string>
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    private readonly string _directory;
    private readonly TimeSpan _pollInterval;

    public WatchedDirectorySource(string directory, TimeSpan? pollInterval = null, WatermarkStrategy<string>? watermarks = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"watched directory '{directory}' does not exist");
        }

        _pollInterval = pollInterval ?? DefaultPollInterval;
        if (_pollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(pollInterval), _pollInterval, "the poll interval must be positive");
        }

        _directory = directory;
        WatermarkStrategy = watermarks ?? WatermarkStrategy<string>.ForMonotonousTimestamps();
    }

    public WatermarkStrategy<string> WatermarkStrategy { get; }

    public string Describe() => $"files arriving in {_directory} (scanned every {_pollInterval.TotalMilliseconds:F0} ms)";

    /// <summary>True for a name this source reads: a supported format that is not hidden or in progress.</summary>
    public static bool IsCompletedFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.Length > 0 && name[0] is not ('.' or '_') && IngestFiles.DetectFormat(name) != IngestFileFormat.Unknown;
    }

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ISourceControl> register)
    {
        // The Core enumerable stage does the batching, watermarks, signals and stop; the watcher's enumerator
        // never blocks (it reports "nothing yet"), and the watcher wakes the stage through its control.
        var watcher = new DirectoryWatcher(_directory, _pollInterval, context.SubtaskIndex, context.Parallelism);
        var stage = new EnumerableSourceStage<string>(name, watcher, WatermarkStrategy, context, completeAtEnd: false);
        return new ReportingStage<EnumerableSourceControl<string>>(stage, control =>
        {
            register(control);
            watcher.Start(control);
        });
    }
}
