using Akka.Actor;

namespace Streamline.Runtime.Coordination;

/// <summary>Asks the pipeline manager to run a registered pipeline; its status goes to <see cref="Subscriber"/>.</summary>
public sealed record SubmitPipeline(string Pipeline, IActorRef Subscriber);
