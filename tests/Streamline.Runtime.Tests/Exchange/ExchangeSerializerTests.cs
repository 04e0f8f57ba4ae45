using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Graph.Physical;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Runtime.Exchange;
using Streamline.Runtime.Exchange.Messages;
using Streamline.Runtime.Serialization;
using Xunit;

namespace Streamline.Runtime.Tests.Exchange;

public sealed class ExchangeSerializerTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("serializer-tests", RuntimeConfig.Default());
    private static readonly ChannelId Channel = new("orders", 3, 0, 1);

    public sealed record Order(string Id, decimal Amount);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _system.Terminate();

    private object RoundTrip(object message)
    {
        var serializer = _system.Serialization.FindSerializerFor(message);
        Assert.IsType<ExchangeSerializer>(serializer);
        var bytes = serializer.ToBinary(message);
        return _system.Serialization.Deserialize(bytes, serializer.Identifier, ((Akka.Serialization.SerializerWithStringManifest)serializer).Manifest(message));
    }

    [Fact]
    public void Record_batches_round_trip_with_timestamps_headers_and_values_through_the_pipeline_serde()
    {
        ExchangeCodecs.Get(_system).Register("orders", 3, new ElementCodec<Order>(Serdes.Json<Order>()));
        var batch = new RecordBatch<Order>(2);
        batch.Add(new Order("a", 1.5m), 1_000, new RecordHeaders().Add("trace", new byte[] { 1, 2 }));
        batch.Add(new Order("b", 2m), 2_000);

        var back = (ExchangeData)RoundTrip(new ExchangeData(Channel, 7, batch));

        Assert.Equal(Channel, back.Channel);
        Assert.Equal(7, back.Sequence);
        var records = ((RecordBatch<Order>)back.Element).Records.ToArray();
        Assert.Equal(new[] { new Order("a", 1.5m), new Order("b", 2m) }, records.Select(r => r.Value));
        Assert.Equal(new[] { 1_000L, 2_000L }, records.Select(r => r.Timestamp));
        Assert.Equal(new byte[] { 1, 2 }, records[0].Headers!.GetLast("trace"));
    }

    [Fact]
    public void Control_signals_and_protocol_messages_round_trip()
    {
        ExchangeCodecs.Get(_system).Register("orders", 3, new ElementCodec<Order>(Serdes.Json<Order>()));
        foreach (var signal in new ControlSignal[] { new Watermark(42), new CheckpointBarrier(5, 99), new CheckpointBarrier(6, 100, IsSavepoint: true), new FlushMarker(3), new ProcessingTimeAdvance(8), new IdleStatus(true) })
        {
            var back = (ExchangeData)RoundTrip(new ExchangeData(Channel, 1, new ControlElement<Order>(signal)));
            Assert.Equal(signal, ((ControlElement<Order>)back.Element).Signal);
        }
        Assert.Equal(new ExchangeCredit(Channel, 4), RoundTrip(new ExchangeCredit(Channel, 4)));
        Assert.Equal(new ExchangeEnd(Channel, 10), RoundTrip(new ExchangeEnd(Channel, 10)));
    }

    [Fact]
    public void A_record_type_without_a_serde_fails_at_plan_registration_naming_the_edge_and_the_type()
    {
        var p = PipelineBuilder.Create("orders", defaultParallelism: 2);
        p.FromCollection(new[] { new Order("a", 1m) }).KeyBy(o => o.Id).Window(Core.Windows.TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(1))).Count().ToCollection("out");
        var plan = PhysicalPlan.Create(p.Build());

        var missing = Assert.Throws<MissingSerdeException>(() => ExchangeCodecs.Get(_system).RegisterPlan(plan));
        Assert.Equal(typeof(Order), missing.RecordType);
        Assert.Contains("of pipeline 'orders'", missing.Message);
        Assert.Contains("WithSerde(Serdes.Json<Order>())", missing.Message);
    }
}
