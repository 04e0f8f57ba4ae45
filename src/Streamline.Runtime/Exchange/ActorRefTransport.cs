using Akka.Actor;
using Streamline.Runtime.Exchange.Messages;

namespace Streamline.Runtime.Exchange;

/// <summary>Sends every message to one endpoint actor (a node's or a task's <see cref="ExchangeEndpoint"/>).</summary>
public sealed class ActorRefTransport(ICanTell endpoint) : IExchangeTransport
{
    public void Send(IExchangeMessage message) => endpoint.Tell(message, ActorRefs.NoSender);
}
