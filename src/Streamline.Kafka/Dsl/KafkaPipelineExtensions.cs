using System.Text;
using Streamline.Core.Dsl;
using Streamline.Core.Serdes;
using Streamline.Core.Time;
using Streamline.Kafka.Sink;
using Streamline.Kafka.Source;

namespace Streamline.Kafka.Dsl;

/// <summary><c>pipeline.FromKafka(...)</c> and <c>stream.ToKafka(...)</c>.</summary>
public static class KafkaPipelineExtensions
{
    /// <summary>Reads <paramref name="topic"/>; settings not given come from <c>streamline.kafka.consumer</c> defaults.</summary>
    public static DataStream<T> FromKafka<T>(this PipelineBuilder pipeline, string bootstrapServers, string topic, ISerde<T> valueSerde,
        WatermarkStrategy<T>? watermarks = null, string? name = null, KafkaSourceSettings? settings = null)
    {
        var s = (settings ?? KafkaSourceSettings.Default).WithBootstrapServers(bootstrapServers) with { Topic = topic };
        return pipeline.Source(new KafkaSource<T>(s, valueSerde, watermarks), name ?? topic);
    }

    /// <summary>Writes to <paramref name="topic"/>, keyed by <paramref name="key"/> (UTF-8) when given.</summary>
    public static void ToKafka<T>(this DataStream<T> stream, string bootstrapServers, string topic, ISerde<T> valueSerde,
        Func<T, string?>? key = null, string? name = null, KafkaSinkSettings? settings = null)
    {
        var s = (settings ?? KafkaSinkSettings.Default).WithBootstrapServers(bootstrapServers).WithTopic(topic);
        Func<T, byte[]?>? keyBytes = key is null ? null : v => key(v) is { } k ? Encoding.UTF8.GetBytes(k) : null;
        stream.To(new KafkaSink<T>(s, valueSerde, keyBytes), name ?? $"to-{topic}");
    }
}
