using Akka.Actor;
using Streamline.Runtime.Exchange.Messages;

namespace Streamline.Runtime.Exchange;

/// <summary>
/// Routes incoming exchange messages to the receiver stage of their channel. Messages that arrive
/// before the receiver registered (the sending task started first) are held and delivered in order.
/// </summary>
public sealed class ExchangeEndpoint : ReceiveActor
{
    private readonly Dictionary<ChannelId, IActorRef> _receivers = new();
    private readonly Dictionary<ChannelId, List<IExchangeMessage>> _early = new();

    public ExchangeEndpoint()
    {
        Receive<RegisterReceiver>(r =>
        {
            _receivers[r.Channel] = r.Receiver;
            if (_early.Remove(r.Channel, out var held))
                foreach (var message in held) r.Receiver.Tell(message);
        });
        Receive<IExchangeMessage>(m =>
        {
            if (_receivers.TryGetValue(m.Channel, out var receiver)) receiver.Forward(m);
            else
            {
                if (!_early.TryGetValue(m.Channel, out var list)) _early[m.Channel] = list = new List<IExchangeMessage>();
                list.Add(m);
            }
        });
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new ExchangeEndpoint());
}
