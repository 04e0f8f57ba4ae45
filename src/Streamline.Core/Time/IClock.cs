namespace Streamline.Core.Time;

/// <summary>Processing time in ms since the Unix epoch: the wall clock live, a virtual clock in tests.</summary>
public interface IClock
{
    long Now { get; }

    /// <summary>True when time only moves through <see cref="Records.ProcessingTimeAdvance"/> signals.</summary>
    bool IsVirtual { get; }
}
