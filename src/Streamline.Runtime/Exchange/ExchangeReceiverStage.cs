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
/// The receiving end of one exchange channel: buffers at most <c>credits</c> elements, grants
/// credits back as downstream takes them (in batches of half the window, to halve the messages),
/// checks that nothing was lost or reordered, and completes after the sender's end.
/// </summary>
public sealed class ExchangeReceiverStage<T> : GraphStage<OperatorShape>
{
    private readonly ChannelId _channel;
    private readonly int _credits;
    private readonly IActorRef _endpoint;
    private readonly TaskMetrics? _metrics;

    public ExchangeReceiverStage(ChannelId channel, int credits, IActorRef endpoint, TaskMetrics? metrics = null)
    {
        if (credits < 1) throw new ArgumentOutOfRangeException(nameof(credits), credits, "streamline.runtime.exchange.credits must be at least 1");
        _channel = channel;
        _credits = credits;
        _endpoint = endpoint;
        _metrics = metrics;
        Shape = new OperatorShape(ImmutableArray<Inlet>.Empty, ImmutableArray.Create<Outlet>(new Outlet<StreamElement<T>>($"receive {channel}")));
    }

    public override OperatorShape Shape { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : GraphStageLogic
    {
        private readonly ExchangeReceiverStage<T> _stage;
        private readonly Outlet<StreamElement<T>> _out;
        private readonly Queue<StreamElement<T>> _buffer = new();
        private IActorRef? _sender;
        private long _expected;
        private long _lastSequence = long.MaxValue;
        private int _consumedSinceGrant;
        private int _metricsSlot = -1;

        public Logic(ExchangeReceiverStage<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _out = stage.Shape.Out<StreamElement<T>>(0);
            SetHandler(_out, onPull: TryPush);
        }

        public override void PreStart()
        {
            var self = GetStageActor(OnMessage).Ref;
            if (_stage._metrics is { } metrics) _metricsSlot = metrics.RegisterInput();
            _stage._endpoint.Tell(new RegisterReceiver(_stage._channel, self));
        }

        private void OnMessage((IActorRef Sender, object Message) args)
        {
            switch (args.Message)
            {
                case ExchangeConnect connect:
                    // A repeated connect (the sender did not see credit yet): credit was already granted.
                    if (_sender is not null) break;
                    _sender = connect.Sender;
                    _sender.Tell(new ExchangeCredit(_stage._channel, _stage._credits - _buffer.Count));
                    break;
                case ExchangeData data:
                    if (data.Sequence != _expected)
                    {
                        FailStage(new InvalidOperationException($"channel {_stage._channel}: expected element {_expected}, got {data.Sequence}; the exchange lost or reordered data"));
                        return;
                    }
                    _expected++;
                    var element = (StreamElement<T>)data.Element;
                    if (_stage._metrics is { } metrics)
                    {
                        metrics.AddIn(TaskMetrics.RecordsOf(element, out var watermark));
                        if (watermark is { } wm) metrics.InputWatermark(_metricsSlot, wm);
                    }
                    _buffer.Enqueue(element);
                    TryPush();
                    break;
                case ExchangeEnd end:
                    _lastSequence = end.LastSequence;
                    TryPush();
                    break;
            }
        }

        private void TryPush()
        {
            if (_buffer.Count > 0 && IsAvailable(_out))
            {
                Push(_out, _buffer.Dequeue());
                if (++_consumedSinceGrant >= Math.Max(1, _stage._credits / 2) && _sender is not null)
                {
                    _sender.Tell(new ExchangeCredit(_stage._channel, _consumedSinceGrant));
                    _consumedSinceGrant = 0;
                }
            }
            if (_buffer.Count == 0 && _expected > _lastSequence) CompleteStage();
        }
    }
}
