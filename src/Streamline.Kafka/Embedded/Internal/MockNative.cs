using System.Runtime.InteropServices;

namespace Streamline.Kafka.Embedded.Internal;

/// <summary>
/// librdkafka's mock-cluster C API (<c>rdkafka_mock.h</c>), resolved from the very image
/// Confluent.Kafka loaded. Loading a second copy would give the process two librdkafkas with
/// separate global state; on Debian the default <c>librdkafka.so</c> cannot even load (it needs
/// libsasl2.so.3), and Confluent.Kafka falls back to <c>centos8-librdkafka.so</c>.
/// </summary>
internal static unsafe class MockNative
{
    public const int ProducerType = 0;

    private const int ErrorBufferSize = 512;

    // Confluent.Kafka (Impl/LibRdKafka.Initialize) tries these library names in this order and
    // keeps the first that loads; asking the runtime for the same names on behalf of the same
    // assembly resolves to the same file, and dlopen of a loaded file returns the loaded image.
    private static readonly string[] CandidateNames = OperatingSystem.IsLinux()
        ? ["librdkafka", "centos8-librdkafka", "alpine-librdkafka"]
        : ["librdkafka"];

    private static readonly Lazy<Api> Functions = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path or name of the native image the mock functions come from (diagnostics).</summary>
    public static string LoadedLibrary => Functions.Value.LibraryName;

    public static IntPtr CreateProducerHandle(IReadOnlyDictionary<string, string> config)
    {
        var api = Functions.Value;
        var conf = api.ConfNew();
        var error = stackalloc byte[ErrorBufferSize];
        foreach (var (key, value) in config)
        {
            using var k = new Utf8(key);
            using var v = new Utf8(value);
            if (api.ConfSet(conf, k.Pointer, v.Pointer, error, ErrorBufferSize) != 0)
            {
                api.ConfDestroy(conf);
                throw new InvalidOperationException($"librdkafka rejected '{key}={value}': {Marshal.PtrToStringUTF8((IntPtr)error)}");
            }
        }
        // rd_kafka_new takes ownership of conf only when it succeeds.
        var rk = api.New(ProducerType, conf, error, ErrorBufferSize);
        if (rk == IntPtr.Zero)
        {
            api.ConfDestroy(conf);
            throw new InvalidOperationException($"rd_kafka_new failed: {Marshal.PtrToStringUTF8((IntPtr)error)}");
        }
        return rk;
    }

    public static void DestroyHandle(IntPtr rk) => Functions.Value.Destroy(rk);

    public static IntPtr ClusterNew(IntPtr rk, int brokers) => Functions.Value.ClusterNew(rk, brokers);

    public static void ClusterDestroy(IntPtr cluster) => Functions.Value.ClusterDestroy(cluster);

    public static string Bootstraps(IntPtr cluster) =>
        Marshal.PtrToStringUTF8(Functions.Value.ClusterBootstraps(cluster)) ?? throw new InvalidOperationException("mock cluster returned no bootstrap servers");

    public static int TopicCreate(IntPtr cluster, string topic, int partitions, int replicationFactor)
    {
        using var t = new Utf8(topic);
        return Functions.Value.TopicCreate(cluster, t.Pointer, partitions, replicationFactor);
    }

    public static int BrokerSetDown(IntPtr cluster, int brokerId) => Functions.Value.BrokerSetDown(cluster, brokerId);

    public static int BrokerSetUp(IntPtr cluster, int brokerId) => Functions.Value.BrokerSetUp(cluster, brokerId);

    public static int PartitionSetLeader(IntPtr cluster, string topic, int partition, int brokerId)
    {
        using var t = new Utf8(topic);
        return Functions.Value.PartitionSetLeader(cluster, t.Pointer, partition, brokerId);
    }

    public static string ErrorToString(int error) => Marshal.PtrToStringUTF8(Functions.Value.Err2Str(error)) ?? $"error {error}";

    private static Api Load()
    {
        // Makes Confluent.Kafka pick and load its image first, so ours is the same one.
        Confluent.Kafka.Library.Load();
        var assembly = typeof(Confluent.Kafka.Library).Assembly;
        foreach (var name in CandidateNames)
        {
            if (!NativeLibrary.TryLoad(name, assembly, null, out var handle)) continue;
            if (!NativeLibrary.TryGetExport(handle, "rd_kafka_mock_cluster_new", out _)) continue;
            return new Api(handle, name);
        }
        throw new DllNotFoundException(
            $"No librdkafka with the mock cluster API could be loaded (tried {string.Join(", ", CandidateNames)} next to Confluent.Kafka {Confluent.Kafka.Library.VersionString}).");
    }

    private sealed class Api
    {
        public Api(IntPtr handle, string name)
        {
            LibraryName = name;
            ConfNew = (delegate* unmanaged[Cdecl]<IntPtr>)Export(handle, "rd_kafka_conf_new");
            ConfSet = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, nuint, int>)Export(handle, "rd_kafka_conf_set");
            ConfDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)Export(handle, "rd_kafka_conf_destroy");
            New = (delegate* unmanaged[Cdecl]<int, IntPtr, byte*, nuint, IntPtr>)Export(handle, "rd_kafka_new");
            Destroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)Export(handle, "rd_kafka_destroy");
            Err2Str = (delegate* unmanaged[Cdecl]<int, IntPtr>)Export(handle, "rd_kafka_err2str");
            ClusterNew = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)Export(handle, "rd_kafka_mock_cluster_new");
            ClusterDestroy = (delegate* unmanaged[Cdecl]<IntPtr, void>)Export(handle, "rd_kafka_mock_cluster_destroy");
            ClusterBootstraps = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)Export(handle, "rd_kafka_mock_cluster_bootstraps");
            TopicCreate = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int>)Export(handle, "rd_kafka_mock_topic_create");
            BrokerSetDown = (delegate* unmanaged[Cdecl]<IntPtr, int, int>)Export(handle, "rd_kafka_mock_broker_set_down");
            BrokerSetUp = (delegate* unmanaged[Cdecl]<IntPtr, int, int>)Export(handle, "rd_kafka_mock_broker_set_up");
            PartitionSetLeader = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int>)Export(handle, "rd_kafka_mock_partition_set_leader");
        }

        public string LibraryName { get; }
        public delegate* unmanaged[Cdecl]<IntPtr> ConfNew { get; }
        public delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, nuint, int> ConfSet { get; }
        public delegate* unmanaged[Cdecl]<IntPtr, void> ConfDestroy { get; }
        public delegate* unmanaged[Cdecl]<int, IntPtr, byte*, nuint, IntPtr> New { get; }
        public delegate* unmanaged[Cdecl]<IntPtr, void> Destroy { get; }
        public delegate* unmanaged[Cdecl]<int, IntPtr> Err2Str { get; }
        public delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> ClusterNew { get; }
        public delegate* unmanaged[Cdecl]<IntPtr, void> ClusterDestroy { get; }
        public delegate* unmanaged[Cdecl]<IntPtr, IntPtr> ClusterBootstraps { get; }
        public delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int> TopicCreate { get; }
        public delegate* unmanaged[Cdecl]<IntPtr, int, int> BrokerSetDown { get; }
        public delegate* unmanaged[Cdecl]<IntPtr, int, int> BrokerSetUp { get; }
        public delegate* unmanaged[Cdecl]<IntPtr, byte*, int, int, int> PartitionSetLeader { get; }

        private static IntPtr Export(IntPtr handle, string name) =>
            NativeLibrary.TryGetExport(handle, name, out var address)
                ? address
                : throw new EntryPointNotFoundException($"librdkafka does not export {name}");
    }

    /// <summary>A NUL-terminated UTF-8 copy of a string in unmanaged memory for the call's duration.</summary>
    private readonly struct Utf8 : IDisposable
    {
        public Utf8(string value) => Pointer = (byte*)Marshal.StringToCoTaskMemUTF8(value);

        public byte* Pointer { get; }

        public void Dispose() => Marshal.FreeCoTaskMem((IntPtr)Pointer);
    }
}
