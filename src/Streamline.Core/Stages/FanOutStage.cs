using System.Collections.Immutable;
using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages.Internal;

namespace Streamline.Core.Stages;

/// <summary>
/// Sends every element to all outlets (one stream consumed by several operators). Each consumer
/// owns the batch it receives, so outlets after the first get copies.
/// </summary>
public sealed class FanOutStage<T> : GraphStage<OperatorShape>
{
    public FanOutStage(int outputs)
    {
        if (outputs < 2) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "a fan-out needs at least two outputs");
        Shape = new OperatorShape(
            ImmutableArray.Create<Inlet>(new Inlet<StreamElement<T>>("fan-out.in")),
            Enumerable.Range(0, outputs).Select(i => (Outlet)new Outlet<StreamElement<T>>($"fan-out.out{i}")).ToImmutableArray());
    }

    public override OperatorShape Shape { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : StageLogicBase
    {
        private readonly Inlet<StreamElement<T>> _in;
        private readonly Output<T>[] _outputs;

        public Logic(FanOutStage<T> stage) : base(stage.Shape)
        {
            _in = stage.Shape.In<StreamElement<T>>(0);
            _outputs = new Output<T>[stage.Shape.Outlets.Length];
            var drivers = new IOutletDriver[_outputs.Length];
            for (var i = 0; i < _outputs.Length; i++)
            {
                _outputs[i] = new Output<T>(1);
                drivers[i] = new OutletDriver<T>(stage.Shape.Out<StreamElement<T>>(i), _outputs[i]);
            }
            SetDrivers(drivers);
            SetHandler(_in, onPush: () =>
            {
                var element = Grab(_in);
                if (element is RecordBatch<T> batch)
                {
                    for (var i = 1; i < _outputs.Length; i++)
                    {
                        var copy = new RecordBatch<T>(batch.Count);
                        foreach (var r in batch.Records) copy.Add(r);
                        _outputs[i].EmitBatch(copy);
                    }
                    _outputs[0].EmitBatch(batch);
                }
                else EmitControlToAll(((ControlElement<T>)element).Signal);
                Flush();
            }, onUpstreamFinish: CompleteWhenDrained);
        }

        public override void PreStart() => Pull(_in);

        protected override void OnDrained()
        {
            if (!HasBeenPulled(_in) && !IsClosed(_in)) Pull(_in);
        }
    }
}
