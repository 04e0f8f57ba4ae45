using Akka.Actor;
using Streamline.Runtime.Exchange;
using Streamline.Runtime.Exchange.Messages;

namespace Streamline.Runtime.Tasks;

/// <summary>Sends exchange messages to the receiving task's entity through the shard region, wherever it runs.</summary>
public sealed class ShardedTransport(IActorRef region, string pipeline, int targetVertex) : IExchangeTransport
{
    public void Send(IExchangeMessage message) =>
        region.Tell(new TaskEnvelope(new TaskId(pipeline, targetVertex, message.Channel.Target), message), ActorRefs.NoSender);
}
