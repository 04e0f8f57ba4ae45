using Akka.Actor;

namespace Streamline.Runtime.Exchange.Messages;

/// <summary>A receiver stage tells its endpoint which channel it serves (local only, never serialized).</summary>
public sealed record RegisterReceiver(ChannelId Channel, IActorRef Receiver);
