using Streamline.Kafka.Embedded.Internal;

namespace Streamline.Kafka.Embedded;

/// <summary>
/// An in-process Kafka cluster for tests and the demo: librdkafka's mock cluster, which speaks
/// the real Kafka protocol on 127.0.0.1, so any Kafka client can use <see cref="BootstrapServers"/>.
/// Limits: about 5 MiB (or 100k batches) retained per partition, older data silently dropped;
/// no admin APIs (create topics with <see cref="CreateTopic"/>); transactions are accepted but
/// read_committed isolation is not enforced. Dispose every client before disposing this.
/// </summary>
public sealed class EmbeddedKafka : IDisposable
{
    private readonly object _gate = new();
    private IntPtr _owner;
    private IntPtr _cluster;

    private EmbeddedKafka(IntPtr owner, IntPtr cluster, int brokers)
    {
        _owner = owner;
        _cluster = cluster;
        Brokers = brokers;
        BootstrapServers = MockNative.Bootstraps(cluster);
    }

    /// <summary>Comma-separated host:port list of the mock brokers.</summary>
    public string BootstrapServers { get; }

    /// <summary>Number of brokers; their ids are 1..<see cref="Brokers"/>.</summary>
    public int Brokers { get; }

    public static EmbeddedKafka Start(int brokers = 1)
    {
        if (brokers < 1)
            throw new ArgumentOutOfRangeException(nameof(brokers), brokers, "brokers must be at least 1.");

        // The mock cluster lives inside an rd_kafka_t; this private producer handle owns it and
        // is never used to produce. Logging is quietened: the mock logs every disconnect.
        var owner = MockNative.CreateProducerHandle(new Dictionary<string, string>
        {
            ["client.id"] = "streamline-embedded-kafka",
            ["log_level"] = "3",
        });
        var cluster = MockNative.ClusterNew(owner, brokers);
        if (cluster == IntPtr.Zero)
        {
            MockNative.DestroyHandle(owner);
            throw new InvalidOperationException($"rd_kafka_mock_cluster_new failed for {brokers} broker(s).");
        }
        return new EmbeddedKafka(owner, cluster, brokers);
    }

    public void CreateTopic(string name, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (partitions < 1)
            throw new ArgumentOutOfRangeException(nameof(partitions), partitions, "partitions must be at least 1.");
        if (replicationFactor < 1 || replicationFactor > Brokers)
            throw new ArgumentOutOfRangeException(nameof(replicationFactor), replicationFactor, $"replicationFactor must be between 1 and the broker count ({Brokers}).");
        Call(c => MockNative.TopicCreate(c, name, partitions, replicationFactor), $"create topic '{name}' with {partitions} partition(s)");
    }

    /// <summary>Disconnects the broker and refuses new connections until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int brokerId) => Call(c => MockNative.BrokerSetDown(c, CheckBroker(brokerId)), $"take broker {brokerId} down");

    public void SetBrokerUp(int brokerId) => Call(c => MockNative.BrokerSetUp(c, CheckBroker(brokerId)), $"bring broker {brokerId} up");

    public void SetPartitionLeader(string topic, int partition, int brokerId) =>
        Call(c => MockNative.PartitionSetLeader(c, topic, partition, CheckBroker(brokerId)), $"move leader of '{topic}' [{partition}] to broker {brokerId}");

    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster == IntPtr.Zero) return;
            // The cluster runs on its owner's threads: destroy it before the handle that owns it.
            MockNative.ClusterDestroy(_cluster);
            MockNative.DestroyHandle(_owner);
            _cluster = IntPtr.Zero;
            _owner = IntPtr.Zero;
        }
    }

    private int CheckBroker(int brokerId) =>
        brokerId >= 1 && brokerId <= Brokers
            ? brokerId
            : throw new ArgumentOutOfRangeException(nameof(brokerId), brokerId, $"broker ids are 1..{Brokers}.");

    private void Call(Func<IntPtr, int> action, string what)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
            var error = action(_cluster);
            if (error != 0)
                throw new InvalidOperationException($"Embedded Kafka could not {what}: {MockNative.ErrorToString(error)} ({error}).");
        }
    }
}
