using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.TestKit;
using Streamline.Core.Records;
using Streamline.Core.Stages;
using Xunit;

namespace Streamline.Core.Tests.Stages;

public sealed class FanOutStageTests : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void Every_output_receives_every_record_in_its_own_batch_and_every_signal()
    {
        var graph = GraphDsl.Create(TestSource.SourceProbe<StreamElement<int>>(this), TestSink.SinkProbe<StreamElement<int>>(this),
            TestSink.SinkProbe<StreamElement<int>>(this), (a, b, c) => (a, b, c), (builder, source, s0, s1) =>
            {
                var fanOut = builder.Add(new FanOutStage<int>(2));
                builder.From(source.Outlet).To(fanOut.In<StreamElement<int>>(0));
                builder.From(fanOut.Out<StreamElement<int>>(0)).To(s0.Inlet);
                builder.From(fanOut.Out<StreamElement<int>>(1)).To(s1.Inlet);
                return ClosedShape.Instance;
            });
        var (input, out0, out1) = RunnableGraph.FromGraph(graph).Run(Sys.Materializer());
        out0.Request(10);
        out1.Request(10);
        input.SendNext(StageProbes.Batch(1, 2, 3));
        input.SendNext(StageProbes.Control<int>(new Watermark(5)));
        var b0 = Assert.IsType<RecordBatch<int>>(out0.ExpectNext());
        var b1 = Assert.IsType<RecordBatch<int>>(out1.ExpectNext());
        Assert.NotSame(b0, b1);
        Assert.Equal(new[] { (1, 0L), (2, 1L), (3, 2L) }, b0.Records.ToArray().Select(r => (r.Value, r.Timestamp)));
        Assert.Equal(new[] { (1, 0L), (2, 1L), (3, 2L) }, b1.Records.ToArray().Select(r => (r.Value, r.Timestamp)));
        b0.Release(); // one consumer releasing its batch must not empty the other's
        Assert.Equal(3, b1.Count);
        Assert.Equal(new Watermark(5), out0.ExpectControl());
        Assert.Equal(new Watermark(5), out1.ExpectControl());
        input.SendComplete();
        out0.ExpectComplete();
        out1.ExpectComplete();
    }

    [Fact]
    public void A_fan_out_needs_two_outputs()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FanOutStage<int>(1));
        Assert.Equal("outputs", e.ParamName);
    }
}
