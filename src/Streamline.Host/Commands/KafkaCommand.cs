using Streamline.Kafka.Embedded;

namespace Streamline.Host.Commands;

/// <summary>
/// `streamline kafka`: an embedded Kafka (librdkafka's mock cluster) as its own process, so several
/// node processes on this machine can share one broker. Prints the bootstrap servers, runs until Ctrl+C.
/// </summary>
public static class KafkaCommand
{
    public static async Task<int> RunAsync(int brokers, IReadOnlyList<string> topics, CancellationToken ct)
    {
        using var kafka = EmbeddedKafka.Start(brokers);
        foreach (var topic in topics)
        {
            var parts = topic.Split(':');
            var partitions = parts.Length > 1 && int.TryParse(parts[1], out var n) ? n
                : parts.Length == 1 ? 1 : throw new ArgumentException($"--topic '{topic}': expected name or name:partitions");
            kafka.CreateTopic(parts[0], partitions);
        }
        Console.WriteLine($"bootstrap-servers={kafka.BootstrapServers}");
        Console.Out.Flush();
        try { await Task.Delay(Timeout.Infinite, ct); }
        catch (OperationCanceledException) { }
        return 0;
    }
}
