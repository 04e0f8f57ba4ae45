using System.Collections.Immutable;
using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages.Internal;

namespace Streamline.Core.Stages;

/// <summary>Merges several inputs of one type, aligning watermarks (minimum) and barriers.</summary>
public sealed class UnionStage<T> : GraphStage<OperatorShape>
{
    private readonly int _maxBatchSize;

    public UnionStage(string name, int inputs, int maxBatchSize)
    {
        if (inputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "a union needs at least one input");
        _maxBatchSize = maxBatchSize;
        Shape = new OperatorShape(
            Enumerable.Range(0, inputs).Select(i => (Inlet)new Inlet<StreamElement<T>>($"{name}.in{i}")).ToImmutableArray(),
            ImmutableArray.Create<Outlet>(new Outlet<StreamElement<T>>($"{name}.out")));
        InitialAttributes = Attributes.CreateName(name);
    }

    public override OperatorShape Shape { get; }

    protected override Attributes InitialAttributes { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : StageLogicBase
    {
        private readonly Inlet<StreamElement<T>>[] _inlets;
        private readonly Output<T> _out;
        private readonly ControlAligner _aligner;
        private int _open;

        public Logic(UnionStage<T> stage) : base(stage.Shape)
        {
            _out = new Output<T>(stage._maxBatchSize);
            SetDrivers(new IOutletDriver[] { new OutletDriver<T>(stage.Shape.Out<StreamElement<T>>(0), _out) });
            _inlets = stage.Shape.Inlets.Cast<Inlet<StreamElement<T>>>().ToArray();
            _aligner = new ControlAligner(_inlets.Length);
            _open = _inlets.Length;
            for (var i = 0; i < _inlets.Length; i++)
            {
                var index = i;
                SetHandler(_inlets[i], onPush: () => OnPush(index), onUpstreamFinish: () => OnFinish(index));
            }
        }

        public override void PreStart()
        {
            foreach (var inlet in _inlets) Pull(inlet);
        }

        private void OnPush(int index)
        {
            var element = Grab(_inlets[index]);
            if (element is RecordBatch<T> batch) _out.EmitBatch(batch);
            else foreach (var signal in _aligner.OnSignal(index, ((ControlElement<T>)element).Signal)) _out.EmitControl(signal);
            Flush();
        }

        private void OnFinish(int index)
        {
            foreach (var signal in _aligner.OnFinished(index)) _out.EmitControl(signal);
            if (--_open == 0) CompleteWhenDrained();
            else Flush();
        }

        protected override void OnDrained()
        {
            for (var i = 0; i < _inlets.Length; i++)
            {
                var inlet = _inlets[i];
                if (!_aligner.IsBlocked(i) && !HasBeenPulled(inlet) && !IsClosed(inlet)) Pull(inlet);
            }
        }
    }
}
