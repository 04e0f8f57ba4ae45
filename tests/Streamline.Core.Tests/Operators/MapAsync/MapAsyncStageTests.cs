using System.Collections.Concurrent;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.TestKit;
using Streamline.Core.Operators;
using Streamline.Core.Operators.MapAsync;
using Streamline.Core.Records;
using Streamline.Core.Tests.Stages;
using Streamline.Core.Time;
using Xunit;

namespace Streamline.Core.Tests.Operators.MapAsync;

public sealed class MapAsyncStageTests : Akka.TestKit.Xunit2.TestKit
{
    private const int Parallelism = 3;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<string>> _calls = new();
    private readonly object _gate = new();
    private int _running;
    private int _maxRunning;

    private Task<string> Call(int value)
    {
        var tcs = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _running++;
            _maxRunning = Math.Max(_maxRunning, _running);
        }
        _calls[value] = tcs;
        return tcs.Task;
    }

    private void Complete(int value, Exception? error = null)
    {
        lock (_gate) _running--;
        if (error is null) _calls[value].SetResult($"r{value}");
        else _calls[value].SetException(error);
    }

    private (TestPublisher.Probe<StreamElement<int>>, TestSubscriber.Probe<StreamElement<string>>, TestSubscriber.Probe<StreamElement<DeadLetter>>) Run()
    {
        var context = new OperatorContext("test", "lookup", 0, 1, 128, new VirtualClock(), 64);
        var graph = GraphDsl.Create(TestSource.SourceProbe<StreamElement<int>>(this), TestSink.SinkProbe<StreamElement<string>>(this),
            TestSink.SinkProbe<StreamElement<DeadLetter>>(this), (a, b, c) => (a, b, c), (builder, source, main, dead) =>
            {
                var stage = builder.Add(new MapAsyncStage<int, string>("lookup", Parallelism, Call, context));
                builder.From(source.Outlet).To(stage.In<StreamElement<int>>(0));
                builder.From(stage.Out<StreamElement<string>>(0)).To(main.Inlet);
                builder.From(stage.Out<StreamElement<DeadLetter>>(1)).To(dead.Inlet);
                return ClosedShape.Instance;
            });
        var probes = RunnableGraph.FromGraph(graph).Run(Sys.Materializer());
        probes.Item2.Request(1_000);
        probes.Item3.Request(1_000);
        return probes;
    }

    /// <summary>Completes started calls in a random order until all <paramref name="total"/> are done.</summary>
    private void CompleteInRandomOrder(int total, int seed, int? fail = null)
    {
        var random = new Random(seed);
        var done = new HashSet<int>();
        while (done.Count < total)
        {
            AwaitCondition(() => _calls.Keys.Any(k => !done.Contains(k)), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(2));
            var pending = _calls.Keys.Where(k => !done.Contains(k)).ToList();
            var pick = pending[random.Next(pending.Count)];
            done.Add(pick);
            Complete(pick, pick == fail ? new InvalidOperationException($"lookup of {pick} failed") : null);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Results_keep_input_order_with_calls_completing_out_of_order_and_at_most_n_in_flight(int seed)
    {
        var (input, main, _) = Run();
        input.SendNext(StageProbes.Batch(Enumerable.Range(0, 12).ToArray()));
        input.SendNext(StageProbes.Control<int>(new Watermark(100)));
        input.SendNext(StageProbes.Batch(Enumerable.Range(12, 8).ToArray()));
        input.SendComplete();
        CompleteInRandomOrder(20, seed);

        var values = new List<string>();
        var sawWatermarkAfter = -1;
        while (values.Count < 20 || sawWatermarkAfter < 0)
        {
            var element = main.ExpectNext(TimeSpan.FromSeconds(5));
            if (element is RecordBatch<string> batch) values.AddRange(batch.Records.ToArray().Select(r => r.Value));
            else if (((ControlElement<string>)element).Signal is Watermark) sawWatermarkAfter = values.Count;
        }
        main.ExpectComplete();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"r{i}"), values);
        Assert.Equal(12, sawWatermarkAfter); // the watermark keeps its place between the records
        Assert.Equal(Parallelism, _maxRunning);
    }

    [Fact]
    public void A_failed_call_becomes_a_dead_letter_with_the_reason_and_later_records_still_flow()
    {
        var (input, main, dead) = Run();
        input.SendNext(StageProbes.Batch(Enumerable.Range(0, 10).ToArray()));
        input.SendComplete();
        CompleteInRandomOrder(10, seed: 7, fail: 4);

        var values = new List<string>();
        while (values.Count < 9)
            if (main.ExpectNext(TimeSpan.FromSeconds(5)) is RecordBatch<string> batch) values.AddRange(batch.Records.ToArray().Select(r => r.Value));
        Assert.Equal(Enumerable.Range(0, 10).Where(i => i != 4).Select(i => $"r{i}"), values);

        DeadLetter? letter = null;
        while (letter is null)
            if (dead.ExpectNext(TimeSpan.FromSeconds(5)) is RecordBatch<DeadLetter> batch) letter = batch[0].Value;
        Assert.Equal("lookup", letter.Origin);
        Assert.Contains("InvalidOperationException: lookup of 4 failed", letter.Reason);
        Assert.Equal("4", System.Text.Encoding.UTF8.GetString(letter.Value!));
        main.ExpectComplete();
    }
}
