using Akka.Actor;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// Asks the pipeline manager to run a registered pipeline; its status goes to <see cref="Subscriber"/>.
/// It resumes from its last completed checkpoint, or from savepoint <see cref="FromSavepoint"/> when given.
/// </summary>
public sealed record SubmitPipeline(string Pipeline, IActorRef Subscriber, long? FromSavepoint = null);
