using System.Collections.Immutable;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Records;
using Streamline.Core.Stages;
using Streamline.Runtime.Exchange.Messages;

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

    public ExchangeSenderStage(ChannelId channel, IExchangeTransport transport)
    {
        _channel = channel;
        _transport = transport;
        Shape = new OperatorShape(ImmutableArray.Create<Inlet>(new Inlet<StreamElement<T>>($"send {channel}")), ImmutableArray<Outlet>.Empty);
    }

    public override OperatorShape Shape { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : GraphStageLogic
    {
        private readonly ExchangeSenderStage<T> _stage;
        private readonly Inlet<StreamElement<T>> _in;
        private int _credits;
        private long _sequence;

        public Logic(ExchangeSenderStage<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _in = stage.Shape.In<StreamElement<T>>(0);
            SetHandler(_in, onPush: () =>
            {
                _stage._transport.Send(new ExchangeData(_stage._channel, _sequence++, Grab(_in)));
                _credits--;
                PullIfCredited();
            }, onUpstreamFinish: () =>
            {
                _stage._transport.Send(new ExchangeEnd(_stage._channel, _sequence - 1));
                CompleteStage();
            });
        }

        public override void PreStart()
        {
            var self = GetStageActor(OnMessage).Ref;
            _stage._transport.Send(new ExchangeConnect(_stage._channel, self));
        }

        private void OnMessage((IActorRef Sender, object Message) args)
        {
            if (args.Message is not ExchangeCredit credit) return;
            _credits += credit.Credits;
            PullIfCredited();
        }

        private void PullIfCredited()
        {
            if (_credits > 0 && !HasBeenPulled(_in) && !IsClosed(_in)) Pull(_in);
        }
    }
}
