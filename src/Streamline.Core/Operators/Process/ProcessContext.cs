using Streamline.Core.Records;

namespace Streamline.Core.Operators.Process;

/// <summary>What a <see cref="ProcessFunction{TIn,TOut}"/> can see and do.</summary>
public sealed class ProcessContext<TOut>
{
    private readonly OperatorContext _context;
    private readonly Output<TOut> _output;
    private readonly Func<string, object?> _sideOutput;

    internal ProcessContext(OperatorContext context, Output<TOut> output, Func<string, object?> sideOutput)
    {
        _context = context;
        _output = output;
        _sideOutput = sideOutput;
    }

    /// <summary>Event timestamp of the record being processed.</summary>
    public long Timestamp { get; internal set; }

    public long CurrentWatermark => _context.CurrentWatermark;

    /// <summary>Which parallel instance runs this function (0-based) and how many there are.</summary>
    public int SubtaskIndex => _context.SubtaskIndex;

    public int Parallelism => _context.Parallelism;

    internal RecordHeaders? Headers { get; set; }

    public void Emit(TOut value) => _output.Emit(new Record<TOut>(value, Timestamp, Headers));

    public void EmitTo<X>(OutputTag<X> tag, X value) => ((Output<X>?)_sideOutput(tag.Id))?.Emit(new Record<X>(value, Timestamp, Headers));
}
