using System.Collections.Immutable;
using Akka.Actor;
using Config = Akka.Configuration.Config;
using Confluent.Kafka;
using Streamline.Kafka.Internal;

namespace Streamline.Kafka.Source;

/// <summary>
/// Immutable settings of a <see cref="KafkaSourceStage{T}"/>. Defaults come from the embedded
/// reference.conf (<c>streamline.kafka.consumer</c>); change them with <c>with</c> copies or the
/// <c>WithX</c> helpers. <see cref="Validate"/> runs when a stage is created.
/// </summary>
public sealed record KafkaSourceSettings
{
    public const string ConfigPath = "streamline.kafka.consumer";

    private const string Name = nameof(KafkaSourceSettings);

    public string BootstrapServers { get; init; } = "";

    public string Topic { get; init; } = "";

    /// <summary>The partitions this source owns (explicit: sources never subscribe).</summary>
    public ImmutableArray<int> Partitions { get; init; } = ImmutableArray<int>.Empty;

    /// <summary>Start position of partitions without an entry in <see cref="StartOffsets"/>.</summary>
    public StartOffset DefaultStartOffset { get; init; } = StartOffset.Committed;

    public ImmutableDictionary<int, StartOffset> StartOffsets { get; init; } = ImmutableDictionary<int, StartOffset>.Empty;

    /// <summary>Group used to commit offsets after checkpoints; the source never joins it.</summary>
    public string GroupId { get; init; } = "streamline";

    public int MaxBatchSize { get; init; } = 500;

    public int MaxBufferedRecords { get; init; } = 5000;

    public int MaxBufferedDeadLetters { get; init; } = 1000;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra librdkafka consumer properties, applied last (they win over the above).</summary>
    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The reference.conf defaults.</summary>
    public static KafkaSourceSettings Default { get; } = FromConfig(null);

    public static KafkaSourceSettings Create(ActorSystem system) => FromConfig(system.Settings.Config);

    /// <summary>Reads <c>streamline.kafka.consumer</c> from <paramref name="config"/> over the reference defaults.</summary>
    public static KafkaSourceSettings FromConfig(Config? config)
    {
        var c = KafkaConfig.Section(config, ConfigPath);
        var startOffsets = ImmutableDictionary.CreateBuilder<int, StartOffset>();
        foreach (var (key, value) in KafkaConfig.Properties(c, "start-offsets"))
        {
            if (!int.TryParse(key, out var partition) || partition < 0)
                throw KafkaConfig.Invalid(Name, $"start-offsets.{key}", key, "must be keyed by a partition number >= 0");
            startOffsets[partition] = ParseOffset($"start-offsets.{key}", value);
        }

        return new KafkaSourceSettings
        {
            BootstrapServers = c.GetString("bootstrap-servers", ""),
            Topic = c.GetString("topic", ""),
            Partitions = c.GetIntList("partitions")?.ToImmutableArray() ?? ImmutableArray<int>.Empty,
            DefaultStartOffset = ParseOffset("start-offset", c.GetString("start-offset")),
            StartOffsets = startOffsets.ToImmutable(),
            GroupId = c.GetString("group-id", ""),
            MaxBatchSize = KafkaConfig.PositiveInt(c, "max-batch-size", Name),
            MaxBufferedRecords = KafkaConfig.PositiveInt(c, "max-buffered-records", Name),
            MaxBufferedDeadLetters = KafkaConfig.PositiveInt(c, "max-buffered-dead-letters", Name),
            PollInterval = KafkaConfig.PositiveDuration(c, "poll-interval", Name),
            StartTimeout = KafkaConfig.PositiveDuration(c, "start-timeout", Name),
            Properties = KafkaConfig.Properties(c, "properties"),
        };
    }

    public KafkaSourceSettings WithBootstrapServers(string bootstrapServers) => this with { BootstrapServers = bootstrapServers };

    public KafkaSourceSettings WithTopic(string topic, params int[] partitions) => this with { Topic = topic, Partitions = [.. partitions] };

    public KafkaSourceSettings WithStartOffset(int partition, StartOffset offset) => this with { StartOffsets = StartOffsets.SetItem(partition, offset) };

    /// <summary>Starts every listed partition at the given offset (e.g. a checkpoint's offsets).</summary>
    public KafkaSourceSettings WithStartOffsets(IEnumerable<KeyValuePair<int, long>> offsets) =>
        this with { StartOffsets = StartOffsets.SetItems(offsets.Select(o => KeyValuePair.Create(o.Key, StartOffset.At(o.Value)))) };

    public KafkaSourceSettings WithProperty(string key, string value) => this with { Properties = Properties.SetItem(key, value) };

    public StartOffset StartOffsetFor(int partition) => StartOffsets.TryGetValue(partition, out var offset) ? offset : DefaultStartOffset;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field and its value.</summary>
    public KafkaSourceSettings Validate()
    {
        Require(!string.IsNullOrWhiteSpace(BootstrapServers), nameof(BootstrapServers), BootstrapServers, "must name at least one host:port");
        Require(!string.IsNullOrWhiteSpace(Topic), nameof(Topic), Topic, "must name a topic");
        Require(!Partitions.IsDefaultOrEmpty, nameof(Partitions), "[]", "must list at least one partition (sources own explicit partitions)");
        Require(Partitions.All(p => p >= 0), nameof(Partitions), string.Join(",", Partitions), "must all be >= 0");
        Require(Partitions.Distinct().Count() == Partitions.Length, nameof(Partitions), string.Join(",", Partitions), "must not repeat a partition");
        var stray = StartOffsets.Keys.Where(p => !Partitions.Contains(p)).ToList();
        Require(stray.Count == 0, nameof(StartOffsets), string.Join(",", stray), "names partitions this source does not own");
        Require(!string.IsNullOrWhiteSpace(GroupId), nameof(GroupId), GroupId, "must be set (offsets are committed under it)");
        Require(MaxBatchSize > 0, nameof(MaxBatchSize), MaxBatchSize, "must be greater than 0");
        Require(MaxBufferedRecords >= MaxBatchSize, nameof(MaxBufferedRecords), MaxBufferedRecords, $"must be at least MaxBatchSize ({MaxBatchSize})");
        Require(MaxBufferedDeadLetters > 0, nameof(MaxBufferedDeadLetters), MaxBufferedDeadLetters, "must be greater than 0");
        Require(PollInterval > TimeSpan.Zero, nameof(PollInterval), PollInterval, "must be positive");
        Require(StartTimeout > TimeSpan.Zero, nameof(StartTimeout), StartTimeout, "must be positive");
        return this;
    }

    internal ConsumerConfig ToConsumerConfig()
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = GroupId,
            // Offsets are committed only after a checkpoint completes (CommitOffsets).
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = false,
            ClientId = $"streamline-source-{Topic}",
        };
        foreach (var (key, value) in Properties) config.Set(key, value);
        return config;
    }

    private static StartOffset ParseOffset(string key, string value)
    {
        try { return StartOffset.Parse(value); }
        catch (Exception e) when (e is FormatException or ArgumentException) { throw KafkaConfig.Invalid(Name, key, value, "must be earliest, latest, committed or an offset >= 0"); }
    }

    private static void Require(bool ok, string field, object? value, string rule)
    {
        if (!ok) throw new ArgumentException($"{Name}.{field} {rule}; got '{value}'.", field);
    }
}
