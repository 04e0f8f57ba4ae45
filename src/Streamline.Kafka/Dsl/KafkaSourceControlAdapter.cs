using Streamline.Core.Records;
using Streamline.Core.Sources;
using Streamline.Kafka.Source;

namespace Streamline.Kafka.Dsl;

/// <summary>Presents a Kafka source's control to the runtime.</summary>
public sealed class KafkaSourceControlAdapter(IKafkaSourceControl control) : ISourceControl, ICheckpointedSource
{
    public Task<IReadOnlyDictionary<int, long>> InjectBarrier(CheckpointBarrier barrier) => control.InjectBarrier(barrier);

    public Task CommitPositions(IReadOnlyDictionary<int, long> positions) => control.CommitOffsets(positions);

    public IKafkaSourceControl Kafka => control;

    public Task InjectSignal(ControlSignal signal) => signal switch
    {
        CheckpointBarrier barrier => control.InjectBarrier(barrier),
        _ => throw new NotSupportedException($"a Kafka source cannot inject {signal.GetType().Name}"),
    };

    public void Stop() => _ = control.Stop();
}
