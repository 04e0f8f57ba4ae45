using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.TestKit;
using Streamline.Core.Operators;
using Streamline.Core.Operators.Process;
using Streamline.Core.Operators.Window;
using Streamline.Core.Records;
using Streamline.Core.Stages;
using Streamline.Core.Time;
using Streamline.Core.Windows;
using Xunit;
using CoreSerdes = Streamline.Core.Serdes.Serdes;

namespace Streamline.Core.Tests.Stages;

public sealed class OneInputOperatorStageTests : Akka.TestKit.Xunit2.TestKit
{
    private sealed class RemindAt : KeyedProcessFunction<string, string, string>
    {
        public override void ProcessElement(string value, KeyedProcessContext<string, string> ctx) =>
            ctx.RegisterProcessingTimeTimer(long.Parse(value.Split('@')[1]));

        public override void OnTimer(long timestamp, TimeDomain domain, KeyedProcessContext<string, string> ctx) =>
            ctx.Emit($"{ctx.CurrentKey}@{timestamp}");
    }

    private (TestPublisher.Probe<StreamElement<TIn>>, TestSubscriber.Probe<StreamElement<TOut>>) Run<TIn, TOut>(Func<OneInputOperator<TIn, TOut>> factory, IClock clock)
    {
        var context = new OperatorContext("test", "op", 0, 1, 128, clock, 16);
        var stage = new OneInputOperatorStage<TIn, TOut>("op", factory, context);
        var (input, output) = TestSource.SourceProbe<StreamElement<TIn>>(this)
            .Via(Flow.FromGraph(GraphDsl.Create(b =>
            {
                var s = b.Add(stage);
                return new FlowShape<StreamElement<TIn>, StreamElement<TOut>>(s.In<StreamElement<TIn>>(0), s.Out<StreamElement<TOut>>(0));
            })))
            .ToMaterialized(TestSink.SinkProbe<StreamElement<TOut>>(this), Keep.Both)
            .Run(Sys.Materializer());
        output.Request(100);
        return (input, output);
    }

    [Fact]
    public void Processing_time_timers_fire_when_a_processing_time_advance_arrives_on_a_virtual_clock()
    {
        var clock = new VirtualClock();
        var (input, output) = Run(() => new KeyedProcessOperator<string, string, string>(v => v.Split('@')[0], CoreSerdes.Utf8String, new RemindAt(), Array.Empty<IOutputTag>()), clock);
        input.SendNext(StageProbes.Batch("a@1000", "b@500"));
        input.SendNext(StageProbes.Control<string>(new ProcessingTimeAdvance(499)));
        Assert.Equal(new ProcessingTimeAdvance(499), output.ExpectControl());
        input.SendNext(StageProbes.Control<string>(new ProcessingTimeAdvance(1_000)));
        Assert.Equal(new[] { "b@500", "a@1000" }, output.ExpectBatch());
        Assert.Equal(new ProcessingTimeAdvance(1_000), output.ExpectControl());
    }

    [Fact]
    public void Window_results_are_emitted_before_the_watermark_that_fired_them()
    {
        var (input, output) = Run(() => new WindowOperator<string, string, long, long, string>(
            v => v, CoreSerdes.Utf8String, TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(10)), Aggregates.Count<string>(),
            (k, w, c) => $"{k}:{w.Start}:{c}", CoreSerdes.Int64, TimeSpan.Zero, null), new VirtualClock());
        input.SendNext(StageProbes.Batch("a", "a", "b"));
        input.SendNext(StageProbes.Control<string>(new Watermark(9)));
        Assert.Equal(new[] { "a:0:2", "b:0:1" }, output.ExpectBatch().Order());
        Assert.Equal(new Watermark(9), output.ExpectControl());
        input.SendNext(StageProbes.Control<string>(new Watermark(5))); // behind: dropped, not forwarded
        input.SendNext(StageProbes.Control<string>(new FlushMarker(1)));
        Assert.Equal(new FlushMarker(1), output.ExpectControl());
    }
}
