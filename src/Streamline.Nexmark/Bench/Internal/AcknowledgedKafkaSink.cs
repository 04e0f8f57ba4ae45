using System.Collections.Immutable;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.Stage;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Sinks;
using Streamline.Core.Stages;
using Streamline.Kafka.Dsl;
using Streamline.Kafka.Sink;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>
/// A <see cref="KafkaSink{T}"/> behind a pass-through stage that holds back the end of input until
/// the sink has every forwarded record acknowledged. Works around KafkaSinkStage not setting
/// keep-going: when its upstream finishes with records in flight, Akka finalizes the stage (no open
/// ports), disposing the producer before the acknowledgements and completing successfully, so
/// results fired at the end of input (window flushes) were lost.
/// </summary>
internal sealed class AcknowledgedKafkaSink<T>(KafkaSink<T> inner) : ISinkDefinition<T>
{
    public string Describe() => inner.Describe();

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ControlSignal> signalCompleted, Action<ISinkControl> register)
    {
        var hold = new HoldEndUntilAcknowledged();
        var sink = inner.CreateStage(name, context, signalCompleted, control =>
        {
            hold.Control = ((KafkaSinkControlAdapter)control).Kafka;
            register(control);
        });
        return GraphDsl.Create(b =>
        {
            var h = b.Add(hold);
            var s = b.Add(sink);
            b.From(h.Outlet).To(s.In<StreamElement<T>>(0));
            return new OperatorShape(ImmutableArray.Create<Inlet>(h.Inlet), ImmutableArray<Outlet>.Empty);
        });
    }

    private sealed class HoldEndUntilAcknowledged : GraphStage<FlowShape<StreamElement<T>, StreamElement<T>>>
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);
        private readonly Inlet<StreamElement<T>> _in = new("hold-end.in");
        private readonly Outlet<StreamElement<T>> _out = new("hold-end.out");

        public HoldEndUntilAcknowledged() => Shape = new FlowShape<StreamElement<T>, StreamElement<T>>(_in, _out);

        /// <summary>Set while materializing, before the stage runs.</summary>
        public IKafkaSinkControl? Control { get; set; }

        public override FlowShape<StreamElement<T>, StreamElement<T>> Shape { get; }

        protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

        private sealed class Logic : TimerGraphStageLogic
        {
            private readonly HoldEndUntilAcknowledged _stage;
            private long _forwarded;

            public Logic(HoldEndUntilAcknowledged stage) : base(stage.Shape)
            {
                _stage = stage;
                SetHandler(stage._in, onPush: () =>
                {
                    var element = Grab(stage._in);
                    if (element is RecordBatch<T> batch) _forwarded += batch.Count;
                    Push(stage._out, element);
                }, onUpstreamFinish: () => ScheduleRepeatedly("acknowledged", PollInterval));
                SetHandler(stage._out, onPull: () => Pull(stage._in));
            }

            protected override void OnTimer(object timerKey)
            {
                var control = _stage.Control;
                if (control is null || (control.Delivered >= _forwarded && control.InFlight == 0)) CompleteStage();
            }
        }
    }
}
