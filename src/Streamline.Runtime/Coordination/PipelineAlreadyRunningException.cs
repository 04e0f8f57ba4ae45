namespace Streamline.Runtime.Coordination;

/// <summary>
/// A submitted pipeline already runs in the cluster (submitted before, or resumed by the pipeline
/// manager after its node went away). <c>StreamlineNode.AttachAsync</c> follows the running one.
/// </summary>
public sealed class PipelineAlreadyRunningException(string message) : InvalidOperationException(message);
