using System.Collections.Immutable;
using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Records;
using Streamline.Core.Stages;
using Streamline.Core.Stages.Internal;

namespace Streamline.Core.Operators.MapAsync;

/// <summary>
/// Asynchronous map with bounded concurrency that keeps input order: results wait in a queue
/// until every earlier record (and control signal) has been emitted. A failed call sends its
/// record to the dead letters.
/// </summary>
public sealed class MapAsyncStage<TIn, TOut> : GraphStage<OperatorShape>
{
    private readonly int _parallelism;
    private readonly Func<TIn, Task<TOut>> _map;
    private readonly OperatorContext _context;

    public MapAsyncStage(string name, int parallelism, Func<TIn, Task<TOut>> map, OperatorContext context)
    {
        _parallelism = parallelism;
        _map = map;
        _context = context;
        Shape = new OperatorShape(
            ImmutableArray.Create<Inlet>(new Inlet<StreamElement<TIn>>($"{name}.in")),
            ImmutableArray.Create<Outlet>(new Outlet<StreamElement<TOut>>($"{name}.out"), new Outlet<StreamElement<DeadLetter>>($"{name}.dead-letters")));
        InitialAttributes = Attributes.CreateName(name);
    }

    public override OperatorShape Shape { get; }

    protected override Attributes InitialAttributes { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Slot
    {
        public Record<TIn> Input;
        public Task<TOut>? Task;
        public ControlSignal? Signal;
    }

    private sealed class Logic : StageLogicBase
    {
        private readonly MapAsyncStage<TIn, TOut> _stage;
        private readonly Inlet<StreamElement<TIn>> _in;
        private readonly Output<TOut> _out;
        private readonly Output<DeadLetter> _dead;
        private readonly Queue<Slot> _slots = new();
        private Action<Slot>? _completed;
        private RecordBatch<TIn>? _batch;
        private int _index;
        private int _inFlight;
        private bool _upstreamDone;

        public Logic(MapAsyncStage<TIn, TOut> stage) : base(stage.Shape)
        {
            _stage = stage;
            _in = stage.Shape.In<StreamElement<TIn>>(0);
            _out = new Output<TOut>(stage._context.MaxBatchSize);
            _dead = new Output<DeadLetter>(16);
            SetDrivers(new IOutletDriver[]
            {
                new OutletDriver<TOut>(stage.Shape.Out<StreamElement<TOut>>(0), _out),
                new OutletDriver<DeadLetter>(stage.Shape.Out<StreamElement<DeadLetter>>(1), _dead),
            });
            SetHandler(_in, onPush: OnPush, onUpstreamFinish: () =>
            {
                _upstreamDone = true;
                Progress();
            });
        }

        public override void PreStart()
        {
            _completed = GetAsyncCallback<Slot>(_ => Progress());
            Pull(_in);
        }

        private void OnPush()
        {
            var element = Grab(_in);
            if (element is RecordBatch<TIn> batch)
            {
                _batch = batch;
                _index = 0;
            }
            else _slots.Enqueue(new Slot { Signal = ((ControlElement<TIn>)element).Signal });
            Progress();
        }

        private void Progress()
        {
            // Draining frees slots; start calls again until nothing more can start, otherwise a
            // batch whose calls all completed synchronously would wait for a callback that never comes.
            do StartCalls();
            while (DrainCompleted() > 0 && _batch is not null && _inFlight < _stage._parallelism);
            if (_upstreamDone && _batch is null && _slots.Count == 0)
            {
                CompleteWhenDrained();
                return;
            }
            Flush();
        }

        private void StartCalls()
        {
            while (_batch is not null && _inFlight < _stage._parallelism)
            {
                if (_index == _batch.Count)
                {
                    _batch.Release();
                    _batch = null;
                    break;
                }
                var slot = new Slot { Input = _batch[_index++] };
                try { slot.Task = _stage._map(slot.Input.Value); }
                catch (Exception e) { slot.Task = Task.FromException<TOut>(e); }
                _inFlight++;
                _slots.Enqueue(slot);
                if (!slot.Task.IsCompleted)
                {
                    var callback = _completed!;
                    slot.Task.ContinueWith(_ => callback(slot), TaskContinuationOptions.ExecuteSynchronously);
                }
            }
            if (_batch is not null && _index == _batch.Count)
            {
                _batch.Release();
                _batch = null;
            }
        }

        private int DrainCompleted()
        {
            var drained = 0;
            while (_slots.TryPeek(out var head))
            {
                if (head.Signal is not null)
                {
                    EmitControlToAll(head.Signal);
                    _slots.Dequeue();
                    continue;
                }
                if (!head.Task!.IsCompleted) return drained;
                _slots.Dequeue();
                _inFlight--;
                drained++;
                if (head.Task.IsCompletedSuccessfully) _out.Emit(new Record<TOut>(head.Task.Result, head.Input.Timestamp, head.Input.Headers));
                else
                {
                    var error = head.Task.Exception?.GetBaseException() ?? new TaskCanceledException("the async call was cancelled");
                    _dead.Emit(DeadLetters.FromException(_stage._context.OperatorName, head.Input, error), head.Input.Timestamp);
                }
            }
            return drained;
        }

        protected override void OnDrained()
        {
            if (_batch is null && _inFlight < _stage._parallelism && !HasBeenPulled(_in) && !IsClosed(_in)) Pull(_in);
        }
    }
}
