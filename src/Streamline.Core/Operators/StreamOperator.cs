namespace Streamline.Core.Operators;

/// <summary>
/// The logic of an operator, free of Akka so that operators of one chain are plain method calls.
/// A stage hosts it, feeds it records and control signals, and drains its outputs.
/// </summary>
public abstract class StreamOperator<TOut>
{
    private IReadOnlyDictionary<string, object> _sideOutputs = new Dictionary<string, object>();

    public OperatorContext Context { get; private set; } = null!;

    public Output<TOut> Output { get; private set; } = null!;

    /// <summary>Side outputs this operator may emit to (each becomes an extra outlet of its stage).</summary>
    public virtual IReadOnlyList<IOutputTag> SideOutputTags => Array.Empty<IOutputTag>();

    internal void Setup(OperatorContext context, Output<TOut> output, IReadOnlyDictionary<string, object> sideOutputs)
    {
        Context = context;
        Output = output;
        _sideOutputs = sideOutputs;
    }

    protected Output<T> SideOutput<T>(OutputTag<T> tag) =>
        _sideOutputs.TryGetValue(tag.Id, out var o) ? (Output<T>)o
            : throw new InvalidOperationException($"{tag} is not declared by operator '{Context.OperatorName}'");

    internal object? SideOutputById(string id) => _sideOutputs.TryGetValue(id, out var o) ? o : null;

    public virtual void Open() { }

    /// <summary>Event time advanced; emit what became final. The stage forwards the watermark afterwards.</summary>
    public virtual void OnWatermark(long watermark) { }

    /// <summary>Processing time reached <paramref name="now"/>; fire due processing-time timers.</summary>
    public virtual void OnProcessingTime(long now) { }

    /// <summary>The earliest pending processing-time timer, or long.MaxValue for none.</summary>
    public virtual long NextProcessingTimer => long.MaxValue;

    /// <summary>A checkpoint barrier arrived; state is captured by the runtime through the state backend.</summary>
    public virtual void OnCheckpoint(long checkpointId) { }

    /// <summary>The input ended (bounded sources); emit anything still held.</summary>
    public virtual void OnEndOfInput() { }

    public virtual void Close() { }
}
