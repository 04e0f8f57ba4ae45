using Confluent.Kafka;

namespace Streamline.Kafka.Source.Internal;

/// <summary>
/// Turns the configured start offsets into concrete offsets before assigning, so the source
/// always knows its exact position (a barrier taken before the first record still has a
/// precise cut). Runs on the thread pool: every lookup is a broker round trip.
/// </summary>
internal static class StartOffsetResolver
{
    public static List<TopicPartitionOffset> Resolve(IConsumer<byte[]?, byte[]?> consumer, KafkaSourceSettings settings)
    {
        var timeout = settings.StartTimeout;
        var resetToLatest = settings.Properties.TryGetValue("auto.offset.reset", out var reset)
            && reset.Trim().ToLowerInvariant() is "latest" or "largest" or "end";

        Dictionary<int, long>? committed = null;
        if (settings.Partitions.Any(p => settings.StartOffsetFor(p).Kind == StartOffsetKind.Committed))
        {
            var partitions = settings.Partitions.Select(p => new TopicPartition(settings.Topic, p));
            committed = Wrap("committed offsets", settings, -1, () => consumer.Committed(partitions, timeout))
                .ToDictionary(o => o.Partition.Value, o => o.Offset.Value);
        }

        var result = new List<TopicPartitionOffset>(settings.Partitions.Length);
        foreach (var partition in settings.Partitions)
        {
            var start = settings.StartOffsetFor(partition);
            var tp = new TopicPartition(settings.Topic, partition);
            long offset = start.Kind switch
            {
                StartOffsetKind.Offset => start.Offset,
                StartOffsetKind.Earliest => Watermarks(consumer, tp, settings).Low.Value,
                StartOffsetKind.Latest => Watermarks(consumer, tp, settings).High.Value,
                _ => committed!.TryGetValue(partition, out var c) && c >= 0
                    ? c
                    : resetToLatest ? Watermarks(consumer, tp, settings).High.Value : Watermarks(consumer, tp, settings).Low.Value,
            };
            result.Add(new TopicPartitionOffset(tp, new Offset(offset)));
        }
        return result;
    }

    private static WatermarkOffsets Watermarks(IConsumer<byte[]?, byte[]?> consumer, TopicPartition tp, KafkaSourceSettings settings) =>
        Wrap("watermark offsets", settings, tp.Partition.Value, () => consumer.QueryWatermarkOffsets(tp, settings.StartTimeout));

    private static TResult Wrap<TResult>(string what, KafkaSourceSettings settings, int partition, Func<TResult> lookup)
    {
        try
        {
            return lookup();
        }
        catch (KafkaException e)
        {
            var where = partition >= 0 ? $" partition {partition}" : "";
            throw new InvalidOperationException(
                $"Kafka source could not look up the {what} of topic '{settings.Topic}'{where} within {settings.StartTimeout} " +
                $"(bootstrap '{settings.BootstrapServers}'): {e.Error.Reason} ({e.Error.Code}).", e);
        }
    }
}
