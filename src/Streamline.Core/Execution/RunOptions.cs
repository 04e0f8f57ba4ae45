using Streamline.Core.Operators;
using Streamline.Core.State;
using Streamline.Core.Time;

namespace Streamline.Core.Execution;

/// <summary>How one run of a pipeline is set up (the harness uses these to swap parts).</summary>
public sealed record RunOptions
{
    public StreamlineSettings Settings { get; init; } = StreamlineSettings.Create();

    /// <summary>Processing time; a <see cref="VirtualClock"/> makes processing-time timers deterministic.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>Replacement source definitions by operator name.</summary>
    public IReadOnlyDictionary<string, object> SourceOverrides { get; init; } = new Dictionary<string, object>();

    /// <summary>Replacement sink definitions by operator name.</summary>
    public IReadOnlyDictionary<string, object> SinkOverrides { get; init; } = new Dictionary<string, object>();

    /// <summary>Called when an operator instance creates its keyed state backend.</summary>
    public Action<OperatorContext, IKeyedStateBackend>? OnStateCreated { get; init; }
}
