using System.Collections.Immutable;
using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages;
using Streamline.Core.Stages.Internal;

namespace Streamline.Core.Exchange;

/// <summary>
/// The sending side of an exchange: splits each batch into one batch per target task (by the
/// router), and sends every control signal to every target so barriers and watermarks reach all
/// downstream tasks in order with the records.
/// </summary>
public sealed class PartitionStage<T> : GraphStage<OperatorShape>
{
    private readonly Func<IRecordRouter<T>> _router;
    private readonly int _maxBatchSize;

    public PartitionStage(string name, int targets, Func<IRecordRouter<T>> router, int maxBatchSize)
    {
        if (targets < 1) throw new ArgumentOutOfRangeException(nameof(targets), targets, "an exchange needs at least one target");
        _router = router;
        _maxBatchSize = maxBatchSize;
        Shape = new OperatorShape(
            ImmutableArray.Create<Inlet>(new Inlet<StreamElement<T>>($"{name}.in")),
            Enumerable.Range(0, targets).Select(i => (Outlet)new Outlet<StreamElement<T>>($"{name}.to{i}")).ToImmutableArray());
        InitialAttributes = Attributes.CreateName(name);
    }

    public override OperatorShape Shape { get; }

    protected override Attributes InitialAttributes { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : StageLogicBase
    {
        private readonly Inlet<StreamElement<T>> _in;
        private readonly Output<T>[] _outputs;
        private readonly IRecordRouter<T> _router;

        public Logic(PartitionStage<T> stage) : base(stage.Shape)
        {
            _in = stage.Shape.In<StreamElement<T>>(0);
            _router = stage._router();
            _outputs = new Output<T>[stage.Shape.Outlets.Length];
            var drivers = new IOutletDriver[_outputs.Length];
            for (var i = 0; i < _outputs.Length; i++)
            {
                _outputs[i] = new Output<T>(stage._maxBatchSize);
                drivers[i] = new OutletDriver<T>(stage.Shape.Out<StreamElement<T>>(i), _outputs[i]);
            }
            SetDrivers(drivers);
            SetHandler(_in, onPush: () =>
            {
                var element = Grab(_in);
                if (element is RecordBatch<T> batch)
                {
                    if (_outputs.Length == 1) _outputs[0].EmitBatch(batch);
                    else
                    {
                        foreach (ref readonly var record in batch.Records) _outputs[_router.Route(in record, _outputs.Length)].Emit(in record);
                        batch.Release();
                        foreach (var output in _outputs) output.SealBatch();
                    }
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
