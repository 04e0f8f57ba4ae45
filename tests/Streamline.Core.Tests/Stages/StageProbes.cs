using Akka.Streams.TestKit;
using Streamline.Core.Records;
using Xunit;

namespace Streamline.Core.Tests.Stages;

/// <summary>Reading and writing <see cref="StreamElement{T}"/>s through stream probes.</summary>
internal static class StageProbes
{
    public static RecordBatch<T> Batch<T>(params T[] values)
    {
        var batch = new RecordBatch<T>(values.Length);
        for (var i = 0; i < values.Length; i++) batch.Add(values[i], i);
        return batch;
    }

    public static ControlElement<T> Control<T>(ControlSignal signal) => new(signal);

    public static T[] ExpectBatch<T>(this TestSubscriber.Probe<StreamElement<T>> probe)
    {
        var element = probe.ExpectNext(TimeSpan.FromSeconds(5));
        var batch = Assert.IsType<RecordBatch<T>>(element);
        return batch.Records.ToArray().Select(r => r.Value).ToArray();
    }

    public static ControlSignal ExpectControl<T>(this TestSubscriber.Probe<StreamElement<T>> probe) =>
        Assert.IsType<ControlElement<T>>(probe.ExpectNext(TimeSpan.FromSeconds(5))).Signal;
}
