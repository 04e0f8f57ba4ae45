using System.Collections.Immutable;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Records;
using Streamline.Core.Stages;
using Streamline.Runtime.Exchange.Messages;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Exchange;

/// <summary>
/// The sending end of one exchange channel: pulls a stream element only while it holds a credit
/// from the receiver, so a slow receiver backpressures the sending task's stages. Elements keep
/// their order (sequence numbers); the end of input is announced.
/// </summary>
public sealed class ExchangeSenderStage<T> : GraphStage<OperatorShape>
{
    private readonly ChannelId _channel;
    private readonly IExchangeTransport _transport;
    private readonly TaskMetrics? _metrics;
    private readonly TaskCompletionSource? _done;
    private readonly Action<CheckpointBarrier>? _barrierSent;

    /// <param name="done">Completed when the channel ended (input finished), faulted when the input failed.</param>
    /// <param name="barrierSent">Called when a checkpoint barrier left through this channel (the task's checkpoint counts its ends).</param>
    public ExchangeSenderStage(ChannelId channel, IExchangeTransport transport, TaskMetrics? metrics = null, TaskCompletionSource? done = null, Action<CheckpointBarrier>? barrierSent = null)
    {
        _done = done;
        _barrierSent = barrierSent;
        _channel = channel;
        _transport = transport;
        _metrics = metrics;
        Shape = new OperatorShape(ImmutableArray.Create<Inlet>(new Inlet<StreamElement<T>>($"send {channel}")), ImmutableArray<Outlet>.Empty);
    }

    public override OperatorShape Shape { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : TimerGraphStageLogic
    {
        private readonly ExchangeSenderStage<T> _stage;
        private readonly Inlet<StreamElement<T>> _in;
        private int _credits;
        private long _sequence;
        private int _metricsSlot = -1;
        private bool _connected;
        private IActorRef _self = ActorRefs.Nobody;

        private const string ConnectTimer = "connect";
        private static readonly TimeSpan ConnectRetry = TimeSpan.FromSeconds(1);

        public Logic(ExchangeSenderStage<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _in = stage.Shape.In<StreamElement<T>>(0);
            SetHandler(_in, onPush: () =>
            {
                var element = Grab(_in);
                if (_stage._metrics is { } metrics)
                {
                    metrics.AddOut(TaskMetrics.RecordsOf(element, out var watermark));
                    if (watermark is { } wm) metrics.OutputWatermark(wm);
                }
                _stage._transport.Send(new ExchangeData(_stage._channel, _sequence++, element));
                if (element is ControlElement<T> { Signal: CheckpointBarrier barrier }) _stage._barrierSent?.Invoke(barrier);
                // Out of credit: the receiver is full, so this task is backpressured until credits return.
                if (--_credits == 0) _stage._metrics?.Starved(_metricsSlot);
                PullIfCredited();
            }, onUpstreamFinish: () =>
            {
                _stage._transport.Send(new ExchangeEnd(_stage._channel, _sequence - 1));
                _stage._metrics?.Credited(_metricsSlot);
                _stage._done?.TrySetResult();
                CompleteStage();
            }, onUpstreamFailure: e =>
            {
                _stage._done?.TrySetException(e);
                FailStage(e);
            });
        }

        public override void PreStart()
        {
            _self = GetStageActor(OnMessage).Ref;
            if (_stage._metrics is { } metrics)
            {
                _metricsSlot = metrics.RegisterOutput();
                // No credit until the receiver answers the connect.
                metrics.Starved(_metricsSlot);
            }
            _stage._transport.Send(new ExchangeConnect(_stage._channel, _self));
            // A connect can be lost while the receiving task's shard moves between nodes; repeat it
            // until the first credit proves the receiver has it (the receiver ignores repeats).
            ScheduleRepeatedly(ConnectTimer, ConnectRetry);
        }

        private void OnMessage((IActorRef Sender, object Message) args)
        {
            if (args.Message is not ExchangeCredit credit) return;
            if (!_connected)
            {
                _connected = true;
                CancelTimer(ConnectTimer);
            }
            _stage._metrics?.Credited(_metricsSlot);
            _credits += credit.Credits;
            PullIfCredited();
        }

        public override void PostStop() =>
            _stage._done?.TrySetException(new InvalidOperationException($"exchange channel {_stage._channel} stopped before its input ended"));

        protected override void OnTimer(object timerKey) =>
            _stage._transport.Send(new ExchangeConnect(_stage._channel, _self));

        private void PullIfCredited()
        {
            if (_credits > 0 && !HasBeenPulled(_in) && !IsClosed(_in)) Pull(_in);
        }
    }
}
