using System.Collections.Immutable;
using Akka.Actor;
using Confluent.Kafka;
using Streamline.Kafka.Internal;
using Config = Akka.Configuration.Config;

namespace Streamline.Kafka.Sink;

/// <summary>
/// Immutable settings of a <see cref="KafkaSinkStage{T}"/> and of
/// <see cref="Producer.StreamlineProducer{T}"/>. Defaults come from the embedded reference.conf
/// (<c>streamline.kafka.producer</c>); <see cref="Validate"/> runs when a sink or producer is created.
/// </summary>
public sealed record KafkaSinkSettings
{
    public const string ConfigPath = "streamline.kafka.producer";

    private const string Name = nameof(KafkaSinkSettings);

    public string BootstrapServers { get; init; } = "";

    public string Topic { get; init; } = "";

    /// <summary>Records produced but not yet acknowledged; the sink stops pulling at this bound.</summary>
    public int MaxInFlight { get; init; } = 10_000;

    public TimeSpan Linger { get; init; } = TimeSpan.FromMilliseconds(5);

    public int BatchSizeBytes { get; init; } = 1_000_000;

    public int BatchNumMessages { get; init; } = 10_000;

    public Acks Acks { get; init; } = Acks.All;

    public bool EnableIdempotence { get; init; } = true;

    /// <summary>How long librdkafka retries a record before reporting it failed.</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Extra librdkafka producer properties, applied last (they win over the above).</summary>
    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;

    public static KafkaSinkSettings Default { get; } = FromConfig(null);

    public static KafkaSinkSettings Create(ActorSystem system) => FromConfig(system.Settings.Config);

    /// <summary>Reads <c>streamline.kafka.producer</c> from <paramref name="config"/> over the reference defaults.</summary>
    public static KafkaSinkSettings FromConfig(Config? config)
    {
        var c = KafkaConfig.Section(config, ConfigPath);
        var acks = c.GetString("acks", "all").Trim().ToLowerInvariant() switch
        {
            "all" or "-1" => Acks.All,
            "leader" or "1" => Acks.Leader,
            "none" or "0" => Acks.None,
            var other => throw KafkaConfig.Invalid(Name, "acks", other, "must be all, leader or none"),
        };
        return new KafkaSinkSettings
        {
            BootstrapServers = c.GetString("bootstrap-servers", ""),
            Topic = c.GetString("topic", ""),
            MaxInFlight = KafkaConfig.PositiveInt(c, "max-in-flight", Name),
            Linger = c.GetTimeSpan("linger"),
            BatchSizeBytes = KafkaConfig.PositiveInt(c, "batch-size-bytes", Name),
            BatchNumMessages = KafkaConfig.PositiveInt(c, "batch-num-messages", Name),
            Acks = acks,
            EnableIdempotence = c.GetBoolean("enable-idempotence", true),
            DeliveryTimeout = KafkaConfig.PositiveDuration(c, "delivery-timeout", Name),
            Properties = KafkaConfig.Properties(c, "properties"),
        }.ValidateTunables();
    }

    public KafkaSinkSettings WithBootstrapServers(string bootstrapServers) => this with { BootstrapServers = bootstrapServers };

    public KafkaSinkSettings WithTopic(string topic) => this with { Topic = topic };

    public KafkaSinkSettings WithProperty(string key, string value) => this with { Properties = Properties.SetItem(key, value) };

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field and its value.</summary>
    public KafkaSinkSettings Validate()
    {
        Require(!string.IsNullOrWhiteSpace(BootstrapServers), nameof(BootstrapServers), BootstrapServers, "must name at least one host:port");
        Require(!string.IsNullOrWhiteSpace(Topic), nameof(Topic), Topic, "must name a topic");
        return ValidateTunables();
    }

    internal ProducerConfig ToProducerConfig()
    {
        var config = new ProducerConfig
        {
            BootstrapServers = BootstrapServers,
            LingerMs = Linger.TotalMilliseconds,
            BatchSize = BatchSizeBytes,
            BatchNumMessages = BatchNumMessages,
            Acks = Acks,
            EnableIdempotence = EnableIdempotence,
            MessageTimeoutMs = (int)DeliveryTimeout.TotalMilliseconds,
            // librdkafka's own queue must hold every in-flight record, or Produce would fail with QueueFull.
            QueueBufferingMaxMessages = Math.Max(MaxInFlight, 100_000),
            ClientId = $"streamline-sink-{Topic}",
        };
        foreach (var (key, value) in Properties) config.Set(key, value);
        return config;
    }

    private KafkaSinkSettings ValidateTunables()
    {
        Require(MaxInFlight > 0, nameof(MaxInFlight), MaxInFlight, "must be greater than 0");
        Require(Linger >= TimeSpan.Zero, nameof(Linger), Linger, "must not be negative");
        Require(BatchSizeBytes > 0, nameof(BatchSizeBytes), BatchSizeBytes, "must be greater than 0");
        Require(BatchNumMessages > 0, nameof(BatchNumMessages), BatchNumMessages, "must be greater than 0");
        Require(!EnableIdempotence || Acks == Acks.All, nameof(Acks), Acks, "must be All when EnableIdempotence is on");
        Require(DeliveryTimeout > TimeSpan.Zero, nameof(DeliveryTimeout), DeliveryTimeout, "must be positive");
        return this;
    }

    private static void Require(bool ok, string field, object? value, string rule)
    {
        if (!ok) throw new ArgumentException($"{Name}.{field} {rule}; got '{value}'.", field);
    }
}
