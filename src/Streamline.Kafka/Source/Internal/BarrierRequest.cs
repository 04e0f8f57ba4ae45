using Streamline.Core.Records;

namespace Streamline.Kafka.Source.Internal;

internal sealed class BarrierRequest : IPendingRequest
{
    private readonly TaskCompletionSource<IReadOnlyDictionary<int, long>> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BarrierRequest(CheckpointBarrier barrier) => Barrier = barrier;

    public CheckpointBarrier Barrier { get; }

    /// <summary>Next offset per partition at the barrier's cut, set when the barrier is enqueued.</summary>
    public IReadOnlyDictionary<int, long>? Offsets { get; set; }

    public Task<IReadOnlyDictionary<int, long>> Task => _result.Task;

    public void Complete() => _result.TrySetResult(Offsets ?? throw new InvalidOperationException("barrier emitted before its offsets were taken"));

    public void Fail(Exception error) => _result.TrySetException(error);
}
