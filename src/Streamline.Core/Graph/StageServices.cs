using Streamline.Core.Records;
using Streamline.Core.Sinks;
using Streamline.Core.Sources;

namespace Streamline.Core.Graph;

/// <summary>What the runner offers stages while it builds them: where to report controls and signals.</summary>
public sealed class StageServices
{
    public required Action<string, ISourceControl> RegisterSource { get; init; }

    public required Action<string, ISinkControl> RegisterSink { get; init; }

    /// <summary>A sink calls this once everything before <paramref name="signal"/> is durably handled.</summary>
    public required Action<string, ControlSignal> SignalCompleted { get; init; }

    /// <summary>Replaces a source by name (the test harness swaps Kafka for in-memory topics); null keeps it.</summary>
    public Func<string, object?> SourceOverride { get; init; } = _ => null;

    /// <summary>Replaces a sink by name; null keeps it.</summary>
    public Func<string, object?> SinkOverride { get; init; } = _ => null;

    internal TDefinition Resolve<TDefinition>(string node, object? replacement, TDefinition original, string what) where TDefinition : class =>
        replacement switch
        {
            null => original,
            TDefinition typed => typed,
            _ => throw new ArgumentException($"the replacement for {what} '{node}' is a {replacement.GetType().Name}, but '{node}' needs a {typeof(TDefinition).Name}"),
        };
}
