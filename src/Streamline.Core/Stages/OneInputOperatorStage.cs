using System.Collections.Immutable;
using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages.Internal;

namespace Streamline.Core.Stages;

/// <summary>
/// Hosts a <see cref="OneInputOperator{TIn,TOut}"/>: feeds it batches, applies control signals
/// in order (watermarks, barriers, flushes, virtual time), and drains its outputs with backpressure.
/// </summary>
public sealed class OneInputOperatorStage<TIn, TOut> : GraphStage<OperatorShape>
{
    private readonly Func<OneInputOperator<TIn, TOut>> _factory;
    private readonly OperatorContext _context;
    private readonly IReadOnlyList<IOutputTag> _tags;

    public OneInputOperatorStage(string name, Func<OneInputOperator<TIn, TOut>> factory, OperatorContext context, IReadOnlyList<IOutputTag>? sideOutputs = null)
    {
        _factory = factory;
        _context = context;
        _tags = sideOutputs ?? Array.Empty<IOutputTag>();
        var outlets = ImmutableArray.CreateBuilder<Outlet>();
        outlets.Add(new Outlet<StreamElement<TOut>>($"{name}.out"));
        foreach (var tag in _tags) outlets.Add(tag.CreateOutlet(name));
        Shape = new OperatorShape(ImmutableArray.Create<Inlet>(new Inlet<StreamElement<TIn>>($"{name}.in")), outlets.ToImmutable());
        InitialAttributes = Attributes.CreateName(name);
    }

    public override OperatorShape Shape { get; }

    protected override Attributes InitialAttributes { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : StageLogicBase
    {
        private const string ProcessingTimer = "processing-time";
        private readonly OneInputOperatorStage<TIn, TOut> _stage;
        private readonly Inlet<StreamElement<TIn>> _in;
        private readonly OneInputOperator<TIn, TOut> _operator;
        private long _scheduledTimer = long.MaxValue;

        public Logic(OneInputOperatorStage<TIn, TOut> stage) : base(stage.Shape)
        {
            _stage = stage;
            _in = stage.Shape.In<StreamElement<TIn>>(0);
            _operator = stage._factory();
            var ctx = stage._context;
            var main = new Output<TOut>(ctx.MaxBatchSize);
            var drivers = new IOutletDriver[1 + stage._tags.Count];
            drivers[0] = new OutletDriver<TOut>(stage.Shape.Out<StreamElement<TOut>>(0), main);
            var side = new Dictionary<string, object>();
            for (var i = 0; i < stage._tags.Count; i++)
            {
                drivers[i + 1] = stage._tags[i].CreateDriver(stage.Shape.Outlets[i + 1], ctx.MaxBatchSize, out var output);
                side[stage._tags[i].Id] = output;
            }
            _operator.Setup(ctx, main, side);
            SetDrivers(drivers);
            SetHandler(_in, onPush: OnPush, onUpstreamFinish: OnUpstreamFinish, onUpstreamFailure: FailStage);
        }

        public override void PreStart()
        {
            _operator.Open();
            Pull(_in);
        }

        public override void PostStop() => _operator.Close();

        private void OnPush()
        {
            var element = Grab(_in);
            if (element is RecordBatch<TIn> batch) _operator.ProcessBatch(batch);
            else OnControl(((ControlElement<TIn>)element).Signal);
            ScheduleProcessingTimer();
            Flush();
        }

        private void OnControl(ControlSignal signal)
        {
            var ctx = _stage._context;
            switch (signal)
            {
                case Watermark wm:
                    if (wm.Timestamp <= ctx.CurrentWatermark) return;
                    ctx.CurrentWatermark = wm.Timestamp;
                    _operator.OnWatermark(wm.Timestamp);
                    break;
                case ProcessingTimeAdvance advance:
                    _operator.OnProcessingTime(advance.Timestamp);
                    break;
                case CheckpointBarrier barrier:
                    _operator.OnCheckpoint(barrier.CheckpointId);
                    break;
            }
            EmitControlToAll(signal);
        }

        private void OnUpstreamFinish()
        {
            _operator.OnEndOfInput();
            CompleteWhenDrained();
        }

        protected override void OnDrained()
        {
            if (!HasBeenPulled(_in) && !IsClosed(_in)) Pull(_in);
        }

        protected override void OnTimer(object timerKey)
        {
            _scheduledTimer = long.MaxValue;
            _operator.OnProcessingTime(_stage._context.Clock.Now);
            ScheduleProcessingTimer();
            Flush();
        }

        private void ScheduleProcessingTimer()
        {
            var clock = _stage._context.Clock;
            if (clock.IsVirtual) return;
            var next = _operator.NextProcessingTimer;
            if (next == long.MaxValue || next >= _scheduledTimer) return;
            _scheduledTimer = next;
            ScheduleOnce(ProcessingTimer, TimeSpan.FromMilliseconds(Math.Max(0, next - clock.Now)));
        }
    }
}
