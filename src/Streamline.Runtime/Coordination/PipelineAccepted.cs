using Akka.Actor;

namespace Streamline.Runtime.Coordination;

/// <summary>The manager started a coordinator for the pipeline.</summary>
public sealed record PipelineAccepted(string Pipeline, IActorRef Coordinator);
