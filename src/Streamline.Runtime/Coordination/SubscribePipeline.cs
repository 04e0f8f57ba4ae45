using Akka.Actor;

namespace Streamline.Runtime.Coordination;

/// <summary>Adds a receiver of a running pipeline's status.</summary>
public sealed record SubscribePipeline(IActorRef Subscriber);
