namespace Streamline.Nexmark.Bench;

public enum NexmarkBenchMode
{
    /// <summary>Generator → query → discarding sink as fast as possible (NEXMARK.md §4.3.1).</summary>
    Engine,

    /// <summary>Wall-clock-scheduled generator at a fixed rate; result latency percentiles (§4.3.2).</summary>
    Latency,

    /// <summary>
    /// Embedded Kafka → query → Kafka, beside a plain Confluent.Kafka consume→produce loop over the
    /// same records on the same broker in the same run (the engine's overhead as a ratio).
    /// </summary>
    Kafka,
}
