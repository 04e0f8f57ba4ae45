using Akka.Actor;

namespace Streamline.Runtime.Coordination;

/// <summary>Asks the pipeline manager for a running pipeline's coordinator and subscribes <see cref="Subscriber"/> to its status.</summary>
public sealed record WatchPipeline(string Pipeline, IActorRef Subscriber);
