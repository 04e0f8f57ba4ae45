using Streamline.Core.Records;

namespace Streamline.Core.Sources;

/// <summary>Control of a running source instance.</summary>
public interface ISourceControl
{
    /// <summary>Emits <paramref name="signal"/> in-band after the records already emitted (flushes, barriers).</summary>
    Task InjectSignal(ControlSignal signal);

    /// <summary>Stops reading; the source completes after what it already emitted.</summary>
    void Stop();
}
