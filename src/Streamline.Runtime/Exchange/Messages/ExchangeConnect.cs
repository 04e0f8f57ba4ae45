using Akka.Actor;

namespace Streamline.Runtime.Exchange.Messages;

/// <summary>A sender announces itself; the receiver answers with its initial credits.</summary>
public sealed record ExchangeConnect(ChannelId Channel, IActorRef Sender) : IExchangeMessage;
