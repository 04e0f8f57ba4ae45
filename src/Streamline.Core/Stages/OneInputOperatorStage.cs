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

    private sealed class Logic : OperatorHostLogic<TOut>
    {
        private readonly Inlet<StreamElement<TIn>> _in;
        private readonly OneInputOperator<TIn, TOut> _operator;

        public Logic(OneInputOperatorStage<TIn, TOut> stage) : this(stage, stage._factory())
        {
        }

        private Logic(OneInputOperatorStage<TIn, TOut> stage, OneInputOperator<TIn, TOut> op) : base(stage.Shape, op, stage._context, stage._tags)
        {
            _in = stage.Shape.In<StreamElement<TIn>>(0);
            _operator = op;
            SetHandler(_in, onPush: OnPush, onUpstreamFinish: OnUpstreamFinish, onUpstreamFailure: FailStage);
        }

        public override void PreStart()
        {
            _operator.Open();
            Pull(_in);
        }

        private void OnPush()
        {
            var element = Grab(_in);
            if (element is RecordBatch<TIn> batch) _operator.ProcessBatch(batch);
            else ApplyControl(((ControlElement<TIn>)element).Signal);
            AfterInput();
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
    }
}
