using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages;

namespace Streamline.Core.Sinks;

/// <summary>Consumes and drops records, folding each into a checksum so the work is never optimised away.</summary>
public sealed class DiscardingSink<T> : ISinkDefinition<T>
{
    private long _count;
    private long _checksum;

    public long Count => Interlocked.Read(ref _count);

    public long Checksum => Interlocked.Read(ref _checksum);

    public string Describe() => "discard";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ControlSignal> signalCompleted, Action<ISinkControl> register) =>
        new ReportingStage<ISinkControl>(new SinkStage<T>(name, (RecordBatch<T> batch) =>
        {
            // Every record is touched (identity and timestamp), counters are updated once per batch.
            long fold = 0;
            foreach (ref readonly var r in batch.Records) fold = fold * 31 + Identity(r.Value) + r.Timestamp;
            Interlocked.Add(ref _count, batch.Count);
            Interlocked.Add(ref _checksum, fold);
        }, signalCompleted), register);

    // Cheap and never optimised away: the object header's identity hash for references.
    private static long Identity(T value) => value is null ? 0
        : typeof(T).IsValueType ? EqualityComparer<T>.Default.GetHashCode(value)
        : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value);
}
