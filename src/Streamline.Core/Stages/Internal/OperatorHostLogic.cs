using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Records;

namespace Streamline.Core.Stages.Internal;

/// <summary>
/// What every stage hosting a <see cref="StreamOperator{TOut}"/> does the same way: wiring the
/// main and side outputs, applying control signals to the operator in order, and scheduling its
/// processing-time timers on the wall clock (virtual clocks advance in-band instead).
/// </summary>
internal abstract class OperatorHostLogic<TOut> : StageLogicBase
{
    private const string ProcessingTimer = "processing-time";
    private readonly StreamOperator<TOut> _operator;
    private readonly OperatorContext _context;
    private long _scheduledTimer = long.MaxValue;

    protected OperatorHostLogic(OperatorShape shape, StreamOperator<TOut> op, OperatorContext context, IReadOnlyList<IOutputTag> tags) : base(shape)
    {
        _operator = op;
        _context = context;
        var main = new Output<TOut>(context.MaxBatchSize);
        var drivers = new IOutletDriver[1 + tags.Count];
        drivers[0] = new OutletDriver<TOut>(shape.Out<StreamElement<TOut>>(0), main);
        var side = new Dictionary<string, object>();
        for (var i = 0; i < tags.Count; i++)
        {
            drivers[i + 1] = tags[i].CreateDriver(shape.Outlets[i + 1], context.MaxBatchSize, out var output);
            side[tags[i].Id] = output;
        }
        op.Setup(context, main, side);
        SetDrivers(drivers);
    }

    public override void PostStop() => _operator.Close();

    /// <summary>Applies a (released) control signal to the operator, then forwards it to every outlet.</summary>
    protected void ApplyControl(ControlSignal signal)
    {
        switch (signal)
        {
            case Watermark wm:
                if (wm.Timestamp <= _context.CurrentWatermark) return;
                _context.CurrentWatermark = wm.Timestamp;
                _operator.OnWatermark(wm.Timestamp);
                break;
            case ProcessingTimeAdvance advance:
                _operator.OnProcessingTime(advance.Timestamp);
                break;
            case CheckpointBarrier barrier:
                _operator.OnCheckpoint(barrier.CheckpointId);
                _context.OnBarrier?.Invoke(_context, barrier);
                break;
        }
        EmitControlToAll(signal);
    }

    /// <summary>After the operator saw input: re-arm its timer and push what it emitted.</summary>
    protected void AfterInput()
    {
        ScheduleProcessingTimer();
        Flush();
    }

    protected override void OnTimer(object timerKey)
    {
        _scheduledTimer = long.MaxValue;
        _operator.OnProcessingTime(_context.Clock.Now);
        AfterInput();
    }

    private void ScheduleProcessingTimer()
    {
        var clock = _context.Clock;
        if (clock.IsVirtual) return;
        var next = _operator.NextProcessingTimer;
        if (next == long.MaxValue || next >= _scheduledTimer) return;
        _scheduledTimer = next;
        ScheduleOnce(ProcessingTimer, TimeSpan.FromMilliseconds(Math.Max(0, next - clock.Now)));
    }
}
