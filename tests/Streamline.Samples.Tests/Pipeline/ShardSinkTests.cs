using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Akka.Streams.Dsl;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Sinks;
using Streamline.Core.Time;
using Streamline.Samples.Etl.Pipeline;
using Streamline.Samples.Etl.Shards;
using Streamline.Samples.Tests.Support;
using Xunit;

namespace Streamline.Samples.Tests.Pipeline;

/// <summary>The sink's contract: publish at flush markers, checkpoint barriers and end of input, and report a signal only once committed.</summary>
public sealed class ShardSinkTests : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("shard-sink", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Commits_at_barriers_flushes_and_end_of_input_and_signals_only_after_the_commit()
    {
        // What was published at the moment each signal was reported complete.
        var publishedAtSignal = new List<(ControlSignal Signal, long Documents)>();
        ISinkControl? control = null;
        var stage = new ShardSink(_dir.Path).CreateStage(
            "shards",
            new OperatorContext("test", "shards", 0, 1, 128, SystemClock.Instance, 512),
            signal => publishedAtSignal.Add((signal, Published())),
            c => control = c);
        var barrier = new CheckpointBarrier(1, 0);
        var flush = new FlushMarker(7);
        StreamElement<ShardDocument>[] elements =
        [
            Batch(0, 3),
            new ControlElement<ShardDocument>(new Watermark(10)),
            new ControlElement<ShardDocument>(barrier),
            Batch(3, 2),
            new ControlElement<ShardDocument>(flush),
            Batch(5, 1),
        ];

        RunnableGraph.FromGraph(GraphDsl.Create(b =>
        {
            var source = b.Add(Source.From(elements));
            var sink = b.Add(stage);
            b.From(source.Outlet).To((Inlet<StreamElement<ShardDocument>>)sink.Inlets[0]);
            return ClosedShape.Instance;
        })).Run(_system.Materializer());
        await control!.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(
            [(new Watermark(10), 0L), (barrier, 3L), (flush, 5L)],
            publishedAtSignal.Select(p => ((ControlSignal)p.Signal, p.Documents)));
        Assert.Equal(6, Published());
        Assert.Equal(6, control.RecordsWritten);
        Assert.True(ShardReader.Verify(_dir.Path).IsValid);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"d{i}"), ShardReader.ReadAll(_dir.Path).Select(d => d.Id));
    }

    public void Dispose()
    {
        _system.Terminate().Wait(TimeSpan.FromSeconds(10));
        _dir.Dispose();
    }

    private long Published() => ShardReader.ReadManifest(_dir.Path).Shards.Sum(s => s.Documents);

    private static RecordBatch<ShardDocument> Batch(int from, int count) =>
        RecordBatch<ShardDocument>.Of([.. Enumerable.Range(from, count).Select(i =>
            new Record<ShardDocument>(new ShardDocument($"d{i}", "https://example.com/", "test", $"text {i}", 2), i))]);
}
