using Akka;
using Akka.Actor;
using Akka.Streams;
using Streamline.Core.Records;
using Streamline.Core.Stages;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Exchange;

/// <summary>Creates exchange stages for an element type known only at run time (an edge's port type).</summary>
public static class ExchangeStages
{
    public static IGraph<OperatorShape, NotUsed> Sender(Type elementType, ChannelId channel, IExchangeTransport transport, TaskMetrics? metrics = null, TaskCompletionSource? done = null, Action<CheckpointBarrier>? barrierSent = null) =>
        (IGraph<OperatorShape, NotUsed>)Activator.CreateInstance(typeof(ExchangeSenderStage<>).MakeGenericType(elementType), channel, transport, metrics, done, barrierSent)!;

    public static IGraph<OperatorShape, NotUsed> Receiver(Type elementType, ChannelId channel, int credits, IActorRef endpoint, TaskMetrics? metrics = null) =>
        (IGraph<OperatorShape, NotUsed>)Activator.CreateInstance(typeof(ExchangeReceiverStage<>).MakeGenericType(elementType), channel, credits, endpoint, metrics)!;
}
