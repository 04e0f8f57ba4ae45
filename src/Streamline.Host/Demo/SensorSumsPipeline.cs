using Streamline.Core.Dsl;
using Streamline.Core.Graph;
using Streamline.Core.Serdes;
using Streamline.Core.Time;
using Streamline.Core.Windows;
using Streamline.Kafka.Dsl;
using Streamline.Kafka.Source;

namespace Streamline.Host.Demo;

/// <summary>
/// A keyed windowed pipeline meant for a cluster: readings from Kafka (3 source tasks) → hash by
/// sensor → 10 s tumbling sums (3 window tasks) → Kafka.
/// </summary>
public static class SensorSumsPipeline
{
    public const string Name = "sensor-sums";
    public const string InputTopic = "readings";
    public const string OutputTopic = "sums";

    public static PipelineDefinition Build(string bootstrapServers)
    {
        var p = PipelineBuilder.Create(Name, defaultParallelism: 3)
            .WithSerde(Serdes.Json<SensorReading>())
            .WithSerde(Serdes.Json<SensorSum>());
        p.FromKafka(bootstrapServers, InputTopic, Serdes.Json<SensorReading>(),
                WatermarkStrategy<SensorReading>.ForBoundedOutOfOrderness(TimeSpan.FromSeconds(1)).WithTimestampAssigner(r => r.Time),
                settings: KafkaSourceSettings.Default with { DefaultStartOffset = StartOffset.Earliest, GroupId = Name })
            .KeyBy(r => r.Sensor)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(10)))
            .Aggregate(Aggregates.Sum<SensorReading>(r => r.Value), (sensor, window, sum) => new SensorSum(sensor, window.Start, (long)sum))
            .ToKafka(bootstrapServers, OutputTopic, Serdes.Json<SensorSum>(), s => s.Sensor, "sums");
        return p.Build();
    }
}
