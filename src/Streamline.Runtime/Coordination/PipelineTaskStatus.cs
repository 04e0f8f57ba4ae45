using Akka.Actor;
using Streamline.Runtime.Tasks;

namespace Streamline.Runtime.Coordination;

/// <summary>
/// One task as last reported: where it runs, records it took in (from exchanges and sources) and
/// sent out (to exchanges and sinks), the fraction of the last interval its outputs waited for
/// credits (backpressure), how many outputs wait for credit now, and the watermark it last forwarded.
/// </summary>
public sealed record PipelineTaskStatus(TaskId Task, Address? Node, long RecordsIn, long RecordsOut, double BackpressuredFraction, int BlockedOutputs, long Watermark, bool Finished);
