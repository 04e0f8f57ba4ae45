using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Akka.Streams.Dsl;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.Stages;
using Streamline.Runtime.Exchange;
using Streamline.Runtime.Serialization;
using Xunit;

namespace Streamline.Runtime.Tests.Exchange;

/// <summary>An exchange channel between two ActorSystems talking over TCP on loopback (two "nodes").</summary>
public sealed class RemoteExchangeTests : IAsyncLifetime
{
    private static readonly Akka.Configuration.Config Remote = ConfigurationFactory.ParseString("""
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.loglevel = WARNING
        """).WithFallback(RuntimeConfig.Default());

    private readonly ActorSystem _sending = ActorSystem.Create("sender", Remote);
    private readonly ActorSystem _receiving = ActorSystem.Create("receiver", Remote);
    private static readonly ChannelId Channel = new("p", 1, 0, 0);

    public Task InitializeAsync()
    {
        foreach (var system in new[] { _sending, _receiving })
            ExchangeCodecs.Get(system).Register("p", 1, new ElementCodec<string>(Serdes.Utf8String));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _sending.Terminate();
        await _receiving.Terminate();
    }

    private static IEnumerable<StreamElement<string>> Elements(int batches, int perBatch)
    {
        for (var b = 0; b < batches; b++)
        {
            var batch = new RecordBatch<string>(perBatch);
            for (var i = 0; i < perBatch; i++) batch.Add($"r{b * perBatch + i}", b * 1000L + i);
            yield return batch;
            yield return new ControlElement<string>(new Watermark(b * 1000L + perBatch - 1));
        }
    }

    private IActorRef RemoteEndpoint(IActorRef endpoint)
    {
        var address = ((ExtendedActorSystem)_receiving).Provider.DefaultAddress;
        return _sending.ActorSelection(endpoint.Path.ToStringWithAddress(address)).ResolveOne(TimeSpan.FromSeconds(10)).Result;
    }

    [Fact]
    public async Task Records_and_watermarks_cross_nodes_in_order_and_complete()
    {
        var endpoint = _receiving.ActorOf(ExchangeEndpoint.Props(), "exchange");
        var received = Source.FromGraph(GraphDsl.Create(b =>
                new SourceShape<StreamElement<string>>(b.Add(new ExchangeReceiverStage<string>(Channel, 4, endpoint)).Out<StreamElement<string>>(0))))
            .RunWith(Sink.Seq<StreamElement<string>>(), _receiving.Materializer());

        Source.From(Elements(50, 100)).RunWith(
            Sink.FromGraph(GraphDsl.Create(b => new SinkShape<StreamElement<string>>(
                b.Add(new ExchangeSenderStage<string>(Channel, new ActorRefTransport(RemoteEndpoint(endpoint)))).In<StreamElement<string>>(0)))),
            _sending.Materializer());

        var elements = await received.WaitAsync(TimeSpan.FromSeconds(30));
        var values = elements.OfType<RecordBatch<string>>().SelectMany(b => b.Records.ToArray().Select(r => r.Value)).ToList();
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"r{i}"), values);
        var watermarks = elements.OfType<ControlElement<string>>().Select(c => ((Watermark)c.Signal).Timestamp).ToList();
        Assert.Equal(Enumerable.Range(0, 50).Select(b => b * 1000L + 99), watermarks);
    }

    [Fact]
    public async Task A_slow_receiver_bounds_what_the_sender_has_outstanding_to_its_credits()
    {
        var endpoint = _receiving.ActorOf(ExchangeEndpoint.Props(), "exchange-slow");
        const int credits = 3;
        long pulled = 0, consumed = 0, maxOutstanding = 0;
        var done = Source.FromGraph(GraphDsl.Create(b =>
                new SourceShape<StreamElement<string>>(b.Add(new ExchangeReceiverStage<string>(Channel, credits, endpoint)).Out<StreamElement<string>>(0))))
            .RunWith(Sink.ForEachAsync<StreamElement<string>>(1, async _ =>
            {
                await Task.Yield();
                Interlocked.Increment(ref consumed);
            }), _receiving.Materializer());

        Source.From(Elements(100, 10)).Select(e =>
        {
            // Sent but not yet consumed, seen at the moment the sender asks for one more element.
            var outstanding = Interlocked.Increment(ref pulled) - Interlocked.Read(ref consumed);
            long seen;
            do seen = Interlocked.Read(ref maxOutstanding);
            while (outstanding > seen && Interlocked.CompareExchange(ref maxOutstanding, outstanding, seen) != seen);
            return e;
        }).RunWith(
            Sink.FromGraph(GraphDsl.Create(b => new SinkShape<StreamElement<string>>(
                b.Add(new ExchangeSenderStage<string>(Channel, new ActorRefTransport(RemoteEndpoint(endpoint)))).In<StreamElement<string>>(0)))),
            _sending.Materializer());

        await done.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(200, Interlocked.Read(ref consumed));
        // The credit window, one element in the consumer, and Select's one-element lookahead.
        Assert.InRange(Interlocked.Read(ref maxOutstanding), 1, credits + 2);
    }
}
