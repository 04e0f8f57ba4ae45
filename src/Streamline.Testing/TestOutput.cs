using Streamline.Core.Records;
using Streamline.Core.Sinks;

namespace Streamline.Testing;

/// <summary>A typed output of a <see cref="PipelineTestDriver"/>: read what the pipeline wrote so far.</summary>
public sealed class TestOutput<T>
{
    private readonly PipelineTestDriver _driver;
    private int _read;

    internal TestOutput(string name, PipelineTestDriver driver)
    {
        Name = name;
        _driver = driver;
    }

    public string Name { get; }

    internal CollectionSink<T> Sink { get; } = new();

    /// <summary>Processes everything pushed so far, then returns the records not read before.</summary>
    public IReadOnlyList<Record<T>> ReadRecords()
    {
        _driver.Flush();
        var all = Sink.Records;
        var fresh = all.Skip(_read).ToList();
        _read = all.Count;
        return fresh;
    }

    /// <summary>Like <see cref="ReadRecords"/>, values only.</summary>
    public IReadOnlyList<T> ReadValues() => ReadRecords().Select(r => r.Value).ToList();

    /// <summary>Everything written since the start (does not mark anything read).</summary>
    public IReadOnlyList<T> AllValues()
    {
        _driver.Flush();
        return Sink.Values;
    }
}
