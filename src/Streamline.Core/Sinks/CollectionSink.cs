using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages;

namespace Streamline.Core.Sinks;

/// <summary>Collects records in memory (tests, small results). Thread-safe to read while running.</summary>
public sealed class CollectionSink<T> : ISinkDefinition<T>
{
    private readonly List<Record<T>> _records = new();

    public IReadOnlyList<Record<T>> Records
    {
        get { lock (_records) return _records.ToArray(); }
    }

    public IReadOnlyList<T> Values
    {
        get { lock (_records) return _records.Select(r => r.Value).ToArray(); }
    }

    public void Clear()
    {
        lock (_records) _records.Clear();
    }

    public string Describe() => "in-memory collection";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ControlSignal> signalCompleted, Action<ISinkControl> register) =>
        new ReportingStage<ISinkControl>(new SinkStage<T>(name, r => { lock (_records) _records.Add(r); }, signalCompleted), register);
}
