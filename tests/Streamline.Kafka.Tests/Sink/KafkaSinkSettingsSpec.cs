using Akka.Configuration;
using Confluent.Kafka;
using Streamline.Kafka.Sink;
using Xunit;

namespace Streamline.Kafka.Tests.Sink;

public sealed class KafkaSinkSettingsSpec
{
    [Fact]
    public void Reference_defaults_and_overrides_are_read_from_config()
    {
        Assert.Equal(10_000, KafkaSinkSettings.Default.MaxInFlight);
        Assert.True(KafkaSinkSettings.Default.EnableIdempotence);

        var settings = KafkaSinkSettings.FromConfig(ConfigurationFactory.ParseString("""
            streamline.kafka.producer {
              bootstrap-servers = "127.0.0.1:9092"
              topic = out
              max-in-flight = 64
              linger = 20ms
              acks = leader
              enable-idempotence = off
              properties { compression.type = lz4 }
            }
            """)).Validate();
        Assert.Equal(64, settings.MaxInFlight);
        Assert.Equal(TimeSpan.FromMilliseconds(20), settings.Linger);
        Assert.Equal(Acks.Leader, settings.Acks);
        Assert.False(settings.EnableIdempotence);
        Assert.Equal("lz4", settings.Properties["compression.type"]);
    }

    [Fact]
    public void Invalid_values_are_rejected_naming_the_field_and_the_value()
    {
        var inFlight = Assert.Throws<ArgumentException>(() => KafkaSinkSettings.FromConfig(ConfigurationFactory.ParseString("streamline.kafka.producer.max-in-flight = 0")));
        Assert.Contains("max-in-flight", inFlight.Message);
        Assert.Contains("'0'", inFlight.Message);

        var acks = Assert.Throws<ArgumentException>(() => KafkaSinkSettings.FromConfig(ConfigurationFactory.ParseString("streamline.kafka.producer.acks = some")));
        Assert.Contains("some", acks.Message);

        var idempotent = Assert.Throws<ArgumentException>(() => (KafkaSinkSettings.Default.WithBootstrapServers("b:1").WithTopic("t") with { Acks = Acks.Leader }).Validate());
        Assert.Contains("EnableIdempotence", idempotent.Message);

        var topic = Assert.Throws<ArgumentException>(() => KafkaSinkSettings.Default.WithBootstrapServers("b:1").Validate());
        Assert.Contains("Topic", topic.Message);
    }
}
