using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Streamline.Core.Serdes;
using Streamline.Runtime;
using Streamline.Runtime.Exchange;
using Streamline.Runtime.Serialization;

namespace Streamline.Benchmarks;

/// <summary>One benchmark node: an ActorSystem with the runtime's config, the workload's codec, a materializer.</summary>
public sealed class ExchangeNode : IAsyncDisposable
{
    public ExchangeNode(string name, Config config)
    {
        System = ActorSystem.Create(name, config.WithFallback(RuntimeConfig.Default()));
        ExchangeCodecs.Get(System).Register(ExchangeWorkload.Pipeline, ExchangeWorkload.Edge, new ElementCodec<byte[]>(Serdes.Bytes));
        Materializer = System.Materializer();
    }

    public ActorSystem System { get; }

    public IMaterializer Materializer { get; }

    public Address Address => ((ExtendedActorSystem)System).Provider.DefaultAddress;

    public ValueTask DisposeAsync() => new(System.Terminate());

    public static Config Local() => ConfigurationFactory.ParseString("akka.loglevel = WARNING");

    /// <summary>Remote on loopback, tuned for large exchange batches (each setting says why).</summary>
    public static Config Remote(int maxWireRecords, RemoteTuning tuning) => ConfigurationFactory.ParseString($$"""
        akka.loglevel = WARNING
        akka.actor.provider = remote
        # Disassociation when a benchmark node shuts down is expected: don't log it as an error.
        akka.remote.log-remote-lifecycle-events = off
        akka.remote.dot-netty.tcp {
          hostname = 127.0.0.1
          port = {{tuning.Port}}
          # A batch is one Akka message and one frame: frames above this are dropped (with an error log).
          maximum-frame-size = {{FrameSize(maxWireRecords)}}b
          send-buffer-size = {{tuning.SocketBuffer}}b
          receive-buffer-size = {{tuning.SocketBuffer}}b
          batching.enabled = {{(tuning.Batching ? "on" : "off")}}
        }
        """);

    /// <summary>
    /// Largest serialized data message: per record 8 (timestamp) + 4 (header count) + 4 (length) + value;
    /// per message the channel, sequence, kind and count (~60 bytes); plus 4 KiB for Akka's envelope
    /// (recipient and sender paths, manifest). Akka's minimum is 32000 bytes.
    /// </summary>
    public static int FrameSize(int maxWireRecords) => Math.Max(32_000, maxWireRecords * (16 + ExchangeWorkload.RecordBytes) + 64 + 4096);

    /// <summary>The endpoint of <paramref name="remote"/> as seen from this node (resolved once, like a task's transport).</summary>
    public IActorRef Resolve(Address remote, string endpointPath) =>
        System.ActorSelection($"{remote}{endpointPath}").ResolveOne(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();

    public IActorRef StartEndpoint(string name) => System.ActorOf(ExchangeEndpoint.Props(), name);
}

/// <summary>The Akka.Remote settings varied by the benchmark (defaults: 256000b socket buffers, batching on).</summary>
public sealed record RemoteTuning(string Name, int SocketBuffer, bool Batching, int Port = 0)
{
    public static readonly RemoteTuning AkkaDefaults = new("akka defaults (frame size only)", 256_000, true);
    public static readonly RemoteTuning Tuned = new("4 MiB socket buffers", 4 * 1024 * 1024, true);
    public static readonly RemoteTuning NoBatching = new("4 MiB socket buffers, batching off", 4 * 1024 * 1024, false);
}
