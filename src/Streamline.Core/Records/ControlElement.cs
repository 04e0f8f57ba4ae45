namespace Streamline.Core.Records;

/// <summary>An in-band control signal travelling in order with the records of a stream.</summary>
public sealed class ControlElement<T> : StreamElement<T>
{
    public ControlElement(ControlSignal signal) => Signal = signal ?? throw new ArgumentNullException(nameof(signal));

    public ControlSignal Signal { get; }

    public ControlElement<TOut> Retype<TOut>() => new(Signal);
}
