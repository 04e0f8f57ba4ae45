namespace Streamline.Kafka.Source.Internal;

internal sealed class CommitRequest : IPendingRequest
{
    private readonly TaskCompletionSource _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CommitRequest(IReadOnlyDictionary<int, long> offsets) => Offsets = offsets;

    public IReadOnlyDictionary<int, long> Offsets { get; }

    public Task Task => _result.Task;

    public void Complete() => _result.TrySetResult();

    public void Fail(Exception error) => _result.TrySetException(error);
}
