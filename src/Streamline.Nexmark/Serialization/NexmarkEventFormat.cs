namespace Streamline.Nexmark.Serialization;

/// <summary>How Nexmark events are encoded as Kafka record values.</summary>
public enum NexmarkEventFormat
{
    /// <summary><see cref="NexmarkBinaryCodec"/>: compact, reflection-free.</summary>
    Binary,

    /// <summary>One JSON object per event: <c>{"event_type":n,"person"|"auction"|"bid":{...}}</c> (see <see cref="NexmarkJsonSerde"/>).</summary>
    Json,
}
