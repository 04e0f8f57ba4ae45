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
        new ReportingStage<ISinkControl>(new SinkStage<T>(name, r =>
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _checksum, (r.Value?.GetHashCode() ?? 0) ^ r.Timestamp);
        }, signalCompleted), register);
}
