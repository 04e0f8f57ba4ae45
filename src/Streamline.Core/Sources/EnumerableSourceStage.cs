using System.Collections.Immutable;
using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages;
using Streamline.Core.Stages.Internal;
using Streamline.Core.Time;

namespace Streamline.Core.Sources;

/// <summary>
/// A source over an enumerable (a collection, a generator) and/or records offered from outside
/// (the test harness). Assigns timestamps and bounded-out-of-orderness watermarks with the
/// strategy, emits only on demand, and injects control signals in order.
/// </summary>
public sealed class EnumerableSourceStage<T> : GraphStageWithMaterializedValue<OperatorShape, EnumerableSourceControl<T>>
{
    private readonly IEnumerable<T>? _items;
    private readonly WatermarkStrategy<T> _strategy;
    private readonly OperatorContext _context;
    private readonly bool _completeAtEnd;

    /// <param name="items">Records to read, or null to only take what is offered through the control.</param>
    /// <param name="completeAtEnd">Finish (with a final watermark) when <paramref name="items"/> ends.</param>
    public EnumerableSourceStage(string name, IEnumerable<T>? items, WatermarkStrategy<T> strategy, OperatorContext context, bool completeAtEnd = true)
    {
        _items = items;
        _strategy = strategy;
        _context = context;
        _completeAtEnd = completeAtEnd && items is not null;
        Shape = new OperatorShape(ImmutableArray<Inlet>.Empty, ImmutableArray.Create<Outlet>(
            new Outlet<StreamElement<T>>($"{name}.out"), new Outlet<StreamElement<DeadLetter>>($"{name}.dead-letters")));
        InitialAttributes = Attributes.CreateName(name);
    }

    public override OperatorShape Shape { get; }

    protected override Attributes InitialAttributes { get; }

    public override ILogicAndMaterializedValue<EnumerableSourceControl<T>> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var control = new EnumerableSourceControl<T>();
        return new LogicAndMaterializedValue<EnumerableSourceControl<T>>(new Logic(this, control), control);
    }

    private sealed class Logic : StageLogicBase
    {
        private readonly EnumerableSourceStage<T> _stage;
        private readonly EnumerableSourceControl<T> _control;
        private readonly Output<T> _out;
        private readonly BoundedOutOfOrdernessWatermarks _watermarks;
        private IEnumerator<T>? _enumerator;
        private long _emittedWatermark = long.MinValue;
        private long _read;
        private bool _finished;

        public Logic(EnumerableSourceStage<T> stage, EnumerableSourceControl<T> control) : base(stage.Shape)
        {
            _stage = stage;
            _control = control;
            _out = new Output<T>(stage._context.MaxBatchSize);
            _watermarks = stage._strategy.CreateGenerator();
            SetDrivers(new IOutletDriver[]
            {
                new OutletDriver<T>(stage.Shape.Out<StreamElement<T>>(0), _out),
                new OutletDriver<DeadLetter>(stage.Shape.Out<StreamElement<DeadLetter>>(1), new Output<DeadLetter>(1)),
            });
        }

        public override void PreStart()
        {
            _enumerator = _stage._items?.GetEnumerator();
            // Restored from a checkpoint: this instance's sequence resumes after the records read then.
            if (_enumerator is not null && _stage._context.RestoredSourcePositions is { } restored && restored.TryGetValue(_stage._context.SubtaskIndex, out var skip))
                while (_read < skip && _enumerator.MoveNext()) _read++;
            _control.Attach(
                GetAsyncCallback<(IReadOnlyList<(T Value, long? Timestamp)> Records, TaskCompletionSource Done)>(OnOffer),
                GetAsyncCallback<(ControlSignal Signal, TaskCompletionSource Done)>(OnSignal),
                GetAsyncCallback(OnStop));
        }

        public override void PostStop()
        {
            _enumerator?.Dispose();
            _control.Detach();
        }

        private void OnOffer((IReadOnlyList<(T Value, long? Timestamp)> Records, TaskCompletionSource Done) offer)
        {
            foreach (var (value, ts) in offer.Records) Add(value, ts ?? _stage._context.Clock.Now);
            _out.SealBatch();
            EmitWatermarkIfAdvanced();
            offer.Done.TrySetResult();
            Flush();
        }

        private void OnSignal((ControlSignal Signal, TaskCompletionSource Done) request)
        {
            if (request.Signal is Watermark wm) EmitWatermark(wm.Timestamp);
            else
            {
                // Everything read so far is queued ahead of the barrier: the cut is the count read.
                if (request.Signal is CheckpointBarrier barrier) _control.RecordPosition(barrier.CheckpointId, _stage._context.SubtaskIndex, _read);
                EmitControlToAll(request.Signal);
            }
            request.Done.TrySetResult();
            Flush();
        }

        private void OnStop()
        {
            if (_finished) return;
            _finished = true;
            CompleteWhenDrained();
        }

        protected override void OnDrained()
        {
            if (_finished || _enumerator is null) return;
            var max = _stage._context.MaxBatchSize;
            var n = 0;
            // One clock read per batch: records of a batch are read in the same instant.
            var now = _stage._strategy.AssignsFromValue ? 0 : _stage._context.Clock.Now;
            while (n < max && _enumerator.MoveNext())
            {
                Add(_enumerator.Current, now);
                n++;
                _read++;
            }
            _out.SealBatch();
            EmitWatermarkIfAdvanced();
            if (n < max && _stage._completeAtEnd)
            {
                _finished = true;
                EmitWatermark(long.MaxValue);
                CompleteWhenDrained();
                return;
            }
            if (n > 0) Flush();
        }

        private void Add(T value, long sourceTimestamp)
        {
            var ts = _stage._strategy.ExtractTimestamp(value, sourceTimestamp);
            _watermarks.OnEvent(ts);
            _out.Emit(new Record<T>(value, ts));
        }

        private void EmitWatermarkIfAdvanced()
        {
            if (_stage._strategy.EmitsWatermarks) EmitWatermark(_watermarks.CurrentWatermark);
        }

        private void EmitWatermark(long watermark)
        {
            if (watermark <= _emittedWatermark) return;
            _emittedWatermark = watermark;
            EmitControlToAll(new Watermark(watermark));
        }
    }
}
