using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.TestKit;
using Streamline.Core.Records;
using Streamline.Core.Stages;
using Xunit;

namespace Streamline.Core.Tests.Stages;

public sealed class UnionStageTests : Akka.TestKit.Xunit2.TestKit
{
    private (TestPublisher.Probe<StreamElement<int>> In0, TestPublisher.Probe<StreamElement<int>> In1, TestSubscriber.Probe<StreamElement<int>> Out) Run()
    {
        var graph = GraphDsl.Create(TestSource.SourceProbe<StreamElement<int>>(this), TestSource.SourceProbe<StreamElement<int>>(this),
            TestSink.SinkProbe<StreamElement<int>>(this), (a, b, c) => (a, b, c), (builder, s0, s1, sink) =>
            {
                var union = builder.Add(new UnionStage<int>("union", 2, 16));
                builder.From(s0.Outlet).To(union.In<StreamElement<int>>(0));
                builder.From(s1.Outlet).To(union.In<StreamElement<int>>(1));
                builder.From(union.Out<StreamElement<int>>(0)).To(sink.Inlet);
                return ClosedShape.Instance;
            });
        var probes = RunnableGraph.FromGraph(graph).Run(Sys.Materializer());
        probes.Item3.Request(100);
        return probes;
    }

    [Fact]
    public void Output_watermark_is_the_minimum_of_the_inputs()
    {
        var (in0, in1, output) = Run();
        in0.SendNext(StageProbes.Control<int>(new Watermark(10)));
        in1.SendNext(StageProbes.Control<int>(new Watermark(5)));
        Assert.Equal(new Watermark(5), output.ExpectControl());
        in1.SendNext(StageProbes.Control<int>(new Watermark(20)));
        Assert.Equal(new Watermark(10), output.ExpectControl());
        in0.SendNext(StageProbes.Control<int>(new Watermark(30)));
        Assert.Equal(new Watermark(20), output.ExpectControl());
    }

    [Fact]
    public void An_idle_input_does_not_hold_back_the_watermark()
    {
        var (in0, in1, output) = Run();
        in0.SendNext(StageProbes.Control<int>(new IdleStatus(true)));
        in1.SendNext(StageProbes.Control<int>(new Watermark(30)));
        Assert.Equal(new Watermark(30), output.ExpectControl());
        in1.SendNext(StageProbes.Control<int>(new IdleStatus(true)));
        Assert.Equal(new IdleStatus(true), output.ExpectControl());
        in0.SendNext(StageProbes.Control<int>(new Watermark(40)));
        Assert.Equal(new Watermark(40), output.ExpectControl());
        Assert.Equal(new IdleStatus(false), output.ExpectControl());
        in1.SendNext(StageProbes.Control<int>(new Watermark(50)));
        in0.SendNext(StageProbes.Control<int>(new Watermark(60)));
        Assert.Equal(new Watermark(50), output.ExpectControl());
    }

    [Fact]
    public void Records_of_every_input_pass_through()
    {
        var (in0, in1, output) = Run();
        in0.SendNext(StageProbes.Batch(1, 2));
        Assert.Equal(new[] { 1, 2 }, output.ExpectBatch());
        in1.SendNext(StageProbes.Batch(3));
        Assert.Equal(new[] { 3 }, output.ExpectBatch());
    }

    [Fact]
    public void A_flush_marker_is_forwarded_only_after_every_input_delivered_it_and_holds_back_the_input_that_did()
    {
        var (in0, in1, output) = Run();
        in0.SendNext(StageProbes.Control<int>(new FlushMarker(1)));
        in0.SendNext(StageProbes.Batch(1, 2)); // after the marker on input 0: must wait for the alignment
        in1.SendNext(StageProbes.Batch(3));
        Assert.Equal(new[] { 3 }, output.ExpectBatch());
        output.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        in1.SendNext(StageProbes.Control<int>(new FlushMarker(1)));
        Assert.Equal(new FlushMarker(1), output.ExpectControl());
        Assert.Equal(new[] { 1, 2 }, output.ExpectBatch());
    }

    [Fact]
    public void A_finished_input_no_longer_holds_back_alignment_or_watermarks()
    {
        var (in0, in1, output) = Run();
        in0.SendNext(StageProbes.Control<int>(new Watermark(10)));
        in1.SendNext(StageProbes.Control<int>(new FlushMarker(7)));
        in0.SendComplete();
        Assert.Equal(new FlushMarker(7), output.ExpectControl());
        in1.SendNext(StageProbes.Control<int>(new Watermark(20)));
        Assert.Equal(new Watermark(20), output.ExpectControl());
        in1.SendComplete();
        output.ExpectComplete();
    }
}
