using Confluent.Kafka;

namespace Streamline.Kafka.Dsl;

/// <summary>Topic metadata lookups the runtime needs before it can assign partitions.</summary>
public static class KafkaMetadata
{
    /// <summary>The partition ids of <paramref name="topic"/>, sorted; fails with a clear message if it does not exist.</summary>
    public static IReadOnlyList<int> Partitions(string bootstrapServers, string topic, TimeSpan? timeout = null)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers, LogConnectionClose = false })
            .SetLogHandler((_, _) => { })
            .Build();
        Metadata metadata;
        try
        {
            metadata = admin.GetMetadata(topic, timeout ?? TimeSpan.FromSeconds(15));
        }
        catch (KafkaException e)
        {
            throw new InvalidOperationException($"cannot read metadata of topic '{topic}' from {bootstrapServers}: {e.Error.Reason}. Is the broker reachable?", e);
        }
        var info = metadata.Topics.FirstOrDefault(t => t.Topic == topic);
        if (info is null || info.Error.IsError || info.Partitions.Count == 0)
        {
            var reason = info?.Error.IsError == true ? info.Error.Reason : "it has no partitions";
            throw new InvalidOperationException($"topic '{topic}' is not usable on {bootstrapServers}: {reason}. Create the topic before starting the pipeline.");
        }
        return info.Partitions.Select(p => p.PartitionId).Order().ToArray();
    }
}
