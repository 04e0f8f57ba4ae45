using Streamline.Core.Sinks;
using Streamline.Kafka.Sink;

namespace Streamline.Kafka.Dsl;

/// <summary>Presents a Kafka sink's control to the runtime.</summary>
public sealed class KafkaSinkControlAdapter(IKafkaSinkControl control) : ISinkControl
{
    public IKafkaSinkControl Kafka => control;

    public Task Completion => control.Completion;

    public long RecordsWritten => control.Delivered;
}
