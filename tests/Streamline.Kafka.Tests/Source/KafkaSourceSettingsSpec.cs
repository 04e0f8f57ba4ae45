using Akka.Configuration;
using Streamline.Kafka.Source;
using Xunit;

namespace Streamline.Kafka.Tests.Source;

public sealed class KafkaSourceSettingsSpec
{
    [Fact]
    public void Reference_defaults_are_read_from_the_embedded_reference_conf()
    {
        var settings = KafkaSourceSettings.Default;
        Assert.Equal(500, settings.MaxBatchSize);
        Assert.Equal(5000, settings.MaxBufferedRecords);
        Assert.Equal(StartOffset.Committed, settings.DefaultStartOffset);
        Assert.Equal(TimeSpan.FromMilliseconds(5), settings.PollInterval);
        Assert.Equal("100", settings.Properties["fetch.wait.max.ms"]);
    }

    [Fact]
    public void Config_overrides_fall_back_to_the_reference_defaults()
    {
        var config = ConfigurationFactory.ParseString("""
            streamline.kafka.consumer {
              bootstrap-servers = "127.0.0.1:9092"
              topic = orders
              partitions = [0, 2]
              start-offset = earliest
              start-offsets { "2" = 42 }
              max-batch-size = 100
              properties { fetch.min.bytes = 1024, "client.rack" = "a" }
            }
            """);
        var settings = KafkaSourceSettings.FromConfig(config).Validate();

        Assert.Equal("orders", settings.Topic);
        Assert.Equal(new[] { 0, 2 }, settings.Partitions);
        Assert.Equal(StartOffset.Earliest, settings.StartOffsetFor(0));
        Assert.Equal(StartOffset.At(42), settings.StartOffsetFor(2));
        Assert.Equal(100, settings.MaxBatchSize);
        Assert.Equal(5000, settings.MaxBufferedRecords);
        Assert.Equal("1024", settings.Properties["fetch.min.bytes"]);
        Assert.Equal("a", settings.Properties["client.rack"]);
        Assert.Equal("100", settings.Properties["fetch.wait.max.ms"]);
    }

    [Fact]
    public void Invalid_values_are_rejected_naming_the_field_and_the_value()
    {
        var bad = ConfigurationFactory.ParseString("streamline.kafka.consumer.max-batch-size = -3");
        var fromConfig = Assert.Throws<ArgumentException>(() => KafkaSourceSettings.FromConfig(bad));
        Assert.Contains("max-batch-size", fromConfig.Message);
        Assert.Contains("-3", fromConfig.Message);

        var badOffset = ConfigurationFactory.ParseString("streamline.kafka.consumer.start-offset = yesterday");
        Assert.Contains("yesterday", Assert.Throws<ArgumentException>(() => KafkaSourceSettings.FromConfig(badOffset)).Message);

        var valid = KafkaSourceSettings.Default.WithBootstrapServers("b:9092").WithTopic("t", 0, 1);
        var noPartitions = Assert.Throws<ArgumentException>(() => (valid with { Partitions = [] }).Validate());
        Assert.Contains("Partitions", noPartitions.Message);
        var stray = Assert.Throws<ArgumentException>(() => valid.WithStartOffset(7, StartOffset.Latest).Validate());
        Assert.Contains("StartOffsets", stray.Message);
        Assert.Contains("7", stray.Message);
        var buffer = Assert.Throws<ArgumentException>(() => (valid with { MaxBufferedRecords = 10 }).Validate());
        Assert.Contains("MaxBufferedRecords", buffer.Message);
        Assert.Contains("'10'", buffer.Message);
    }
}
