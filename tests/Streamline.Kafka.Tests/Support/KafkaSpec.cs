using Akka.Streams;
using Akka.Streams.TestKit;
using Confluent.Kafka;
using Streamline.Core.Records;
using Streamline.Kafka.Embedded;
using Streamline.Kafka.Source;
using Xunit.Abstractions;

namespace Streamline.Kafka.Tests.Support;

/// <summary>
/// Base for stage tests: an ActorSystem (TestKit) and a private embedded Kafka. Clients are
/// closed before the cluster: <see cref="Track"/> the stage completions so disposal waits for them.
/// </summary>
public abstract class KafkaSpec : Akka.TestKit.Xunit2.TestKit
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly List<Task> _clients = new();

    protected KafkaSpec(ITestOutputHelper output, int brokers = 1)
        : base("akka.loglevel = INFO", output)
    {
        Kafka = EmbeddedKafka.Start(brokers);
        Materializer = Sys.Materializer();
    }

    protected EmbeddedKafka Kafka { get; }

    protected IMaterializer Materializer { get; }

    protected T Track<T>(T completion) where T : Task
    {
        lock (_clients) _clients.Add(completion);
        return completion;
    }

    /// <summary>
    /// Source settings for the embedded cluster. Resuming paused partitions waits for the fetch
    /// long poll in flight at pause time (fetch.wait.max.ms) and tests pause hundreds of times;
    /// fault tests want a quick reconnect after a broker returns (librdkafka backs off to 10 s).
    /// </summary>
    protected KafkaSourceSettings SourceDefaults(string topic, params int[] partitions) =>
        KafkaSourceSettings.Default.WithBootstrapServers(Kafka.BootstrapServers).WithTopic(topic, partitions)
            .WithProperty("fetch.wait.max.ms", "10")
            .WithProperty("reconnect.backoff.max.ms", "200") with
        {
            DefaultStartOffset = StartOffset.Earliest,
            GroupId = $"g-{Guid.NewGuid():N}",
        };

    protected string NewTopic(int partitions)
    {
        var topic = $"t-{Guid.NewGuid():N}";
        Kafka.CreateTopic(topic, partitions);
        return topic;
    }

    protected IProducer<string?, string> NewProducer() =>
        new ProducerBuilder<string?, string>(new ProducerConfig { BootstrapServers = Kafka.BootstrapServers, LingerMs = 1 }).Build();

    /// <summary>Produces to explicit partitions and waits for every acknowledgement.</summary>
    protected async Task ProduceAsync(string topic, IEnumerable<(int Partition, string? Key, string Value, long Timestamp)> records, Headers? headers = null)
    {
        using var producer = NewProducer();
        var pending = records.Select(r => producer.ProduceAsync(new TopicPartition(topic, r.Partition), new Message<string?, string>
        {
            Key = r.Key,
            Value = r.Value,
            Timestamp = new Timestamp(r.Timestamp, TimestampType.CreateTime),
            Headers = headers,
        })).ToList();
        await Task.WhenAll(pending).WaitAsync(Patience);
    }

    /// <summary>Reads every partition of <paramref name="topic"/> from the beginning until <paramref name="count"/> records arrived.</summary>
    protected List<ConsumeResult<string?, string>> ConsumeAll(string topic, int partitions, int count)
    {
        using var consumer = new ConsumerBuilder<string?, string>(new ConsumerConfig
        {
            BootstrapServers = Kafka.BootstrapServers,
            GroupId = $"verify-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<string?, string>>();
        var deadline = DateTime.UtcNow + Patience;
        while (results.Count < count && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is not null) results.Add(result);
        }
        consumer.Close();
        return results;
    }

    /// <summary>Requests one element at a time until <paramref name="done"/> holds for what arrived.</summary>
    protected static List<StreamElement<T>> ReadUntil<T>(TestSubscriber.Probe<StreamElement<T>> probe, Func<IReadOnlyList<StreamElement<T>>, bool> done)
    {
        var elements = new List<StreamElement<T>>();
        while (!done(elements)) elements.Add(probe.RequestNext(Patience));
        return elements;
    }

    /// <summary>Stops a source and pulls whatever it still had buffered until it completes.</summary>
    protected static async Task StopAndDrain<T>(IKafkaSourceControl control, TestSubscriber.Probe<StreamElement<T>> probe)
    {
        var stopped = control.Stop();
        probe.Request(10_000);
        while (true)
        {
            var next = probe.ExpectEvent(Patience);
            if (next is TestSubscriber.OnComplete) break;
            if (next is TestSubscriber.OnError error) throw new InvalidOperationException("the source failed while stopping", error.Cause);
        }
        await stopped.WaitAsync(Patience);
    }

    protected static List<Record<T>> RecordsOf<T>(IEnumerable<StreamElement<T>> elements) =>
        elements.OfType<RecordBatch<T>>().SelectMany(b => b.Records.ToArray()).ToList();

    protected static List<ControlSignal> SignalsOf<T>(IEnumerable<StreamElement<T>> elements) =>
        elements.OfType<ControlElement<T>>().Select(c => c.Signal).ToList();

    protected override void AfterAll()
    {
        // Stages close their clients after they stop: shut the system down, wait for the
        // clients, then destroy the cluster they were talking to.
        Shutdown();
        base.AfterAll();
        Task[] clients;
        lock (_clients) clients = _clients.ToArray();
        try { Task.WhenAll(clients).Wait(Patience); }
        catch (AggregateException) { }
        Kafka.Dispose();
    }
}
