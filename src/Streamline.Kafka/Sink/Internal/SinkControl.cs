namespace Streamline.Kafka.Sink.Internal;

/// <summary>The materialized <see cref="IKafkaSinkControl"/>: figures written by the stage's thread, read anywhere.</summary>
internal sealed class SinkControl : IKafkaSinkControl
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _delivered;
    private int _inFlight;
    private int _maxInFlight;

    public long Delivered => Interlocked.Read(ref _delivered);

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlightObserved => Volatile.Read(ref _maxInFlight);

    public Task Completion => _completion.Task;

    internal void Publish(long delivered, int inFlight)
    {
        Interlocked.Exchange(ref _delivered, delivered);
        Volatile.Write(ref _inFlight, inFlight);
        if (inFlight > Volatile.Read(ref _maxInFlight)) Volatile.Write(ref _maxInFlight, inFlight);
    }

    internal void Closed(Exception? failure)
    {
        if (failure is null) _completion.TrySetResult();
        else _completion.TrySetException(failure);
    }
}
