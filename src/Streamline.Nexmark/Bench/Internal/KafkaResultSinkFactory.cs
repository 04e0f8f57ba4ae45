using Streamline.Core.Sinks;
using Streamline.Kafka.Dsl;
using Streamline.Kafka.Sink;
using Streamline.Nexmark.Queries;
using Streamline.Nexmark.Serialization;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>Gives the query a Kafka sink (default sink settings) whose serde counts and checksums every result.</summary>
internal sealed class KafkaResultSinkFactory(string bootstrapServers, string topic, NexmarkEventFormat format) : IQuerySinkFactory
{
    private Func<(long Count, long Checksum)> _read = () => (0, 0);

    /// <summary>Results serialized so far and their checksum.</summary>
    public (long Count, long Checksum) Read() => _read();

    public ISinkDefinition<T> Create<T>()
    {
        var serde = new ChecksummingSerde<T>(ResultSerdes.For<T>(format));
        _read = () => (serde.Count, serde.Checksum);
        return new KafkaSink<T>(KafkaSinkSettings.Default.WithBootstrapServers(bootstrapServers).WithTopic(topic), serde);
    }
}
