using System.Collections.Immutable;
using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Stages.Internal;

namespace Streamline.Core.Stages;

/// <summary>
/// Hosts a <see cref="TwoInputOperator{TIn1,TIn2,TOut}"/> (joins, connected streams): records go to
/// the operator as they arrive from either input; watermarks combine to the minimum; barriers and
/// flushes are aligned across both inputs before the operator sees them.
/// </summary>
public sealed class TwoInputOperatorStage<TIn1, TIn2, TOut> : GraphStage<OperatorShape>
{
    private readonly Func<TwoInputOperator<TIn1, TIn2, TOut>> _factory;
    private readonly OperatorContext _context;
    private readonly IReadOnlyList<IOutputTag> _tags;

    public TwoInputOperatorStage(string name, Func<TwoInputOperator<TIn1, TIn2, TOut>> factory, OperatorContext context, IReadOnlyList<IOutputTag>? sideOutputs = null)
    {
        _factory = factory;
        _context = context;
        _tags = sideOutputs ?? Array.Empty<IOutputTag>();
        var outlets = ImmutableArray.CreateBuilder<Outlet>();
        outlets.Add(new Outlet<StreamElement<TOut>>($"{name}.out"));
        foreach (var tag in _tags) outlets.Add(tag.CreateOutlet(name));
        Shape = new OperatorShape(
            ImmutableArray.Create<Inlet>(new Inlet<StreamElement<TIn1>>($"{name}.in1"), new Inlet<StreamElement<TIn2>>($"{name}.in2")),
            outlets.ToImmutable());
        InitialAttributes = Attributes.CreateName(name);
    }

    public override OperatorShape Shape { get; }

    protected override Attributes InitialAttributes { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : OperatorHostLogic<TOut>
    {
        private readonly Inlet<StreamElement<TIn1>> _in1;
        private readonly Inlet<StreamElement<TIn2>> _in2;
        private readonly TwoInputOperator<TIn1, TIn2, TOut> _operator;
        private readonly ControlAligner _aligner = new(2);
        private int _open = 2;

        public Logic(TwoInputOperatorStage<TIn1, TIn2, TOut> stage) : this(stage, stage._factory())
        {
        }

        private Logic(TwoInputOperatorStage<TIn1, TIn2, TOut> stage, TwoInputOperator<TIn1, TIn2, TOut> op) : base(stage.Shape, op, stage._context, stage._tags)
        {
            _in1 = stage.Shape.In<StreamElement<TIn1>>(0);
            _in2 = stage.Shape.In<StreamElement<TIn2>>(1);
            _operator = op;
            SetHandler(_in1, onPush: () =>
            {
                var element = Grab(_in1);
                if (element is RecordBatch<TIn1> batch)
                {
                    foreach (ref readonly var r in batch.Records) _operator.ProcessRecord1(in r);
                    batch.Release();
                }
                else OnControl(0, ((ControlElement<TIn1>)element).Signal);
                AfterInput();
            }, onUpstreamFinish: () => OnFinish(0));
            SetHandler(_in2, onPush: () =>
            {
                var element = Grab(_in2);
                if (element is RecordBatch<TIn2> batch)
                {
                    foreach (ref readonly var r in batch.Records) _operator.ProcessRecord2(in r);
                    batch.Release();
                }
                else OnControl(1, ((ControlElement<TIn2>)element).Signal);
                AfterInput();
            }, onUpstreamFinish: () => OnFinish(1));
        }

        public override void PreStart()
        {
            _operator.Open();
            Pull(_in1);
            Pull(_in2);
        }

        private void OnControl(int input, ControlSignal signal)
        {
            foreach (var released in _aligner.OnSignal(input, signal)) ApplyControl(released);
        }

        private void OnFinish(int input)
        {
            foreach (var released in _aligner.OnFinished(input)) ApplyControl(released);
            if (--_open == 0)
            {
                _operator.OnEndOfInput();
                CompleteWhenDrained();
            }
            else AfterInput();
        }

        protected override void OnDrained()
        {
            if (!_aligner.IsBlocked(0) && !HasBeenPulled(_in1) && !IsClosed(_in1)) Pull(_in1);
            if (!_aligner.IsBlocked(1) && !HasBeenPulled(_in2) && !IsClosed(_in2)) Pull(_in2);
        }
    }
}
