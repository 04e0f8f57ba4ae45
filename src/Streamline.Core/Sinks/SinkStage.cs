using System.Collections.Immutable;
using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Records;
using Streamline.Core.Stages;

namespace Streamline.Core.Sinks;

/// <summary>
/// A synchronous terminal stage: hands each record to a writer and reports control signals as
/// completed right away (what it wrote is done when the call returns). Used by the in-memory,
/// console and discarding sinks.
/// </summary>
public sealed class SinkStage<T> : GraphStageWithMaterializedValue<OperatorShape, ISinkControl>
{
    private readonly Action<RecordBatch<T>> _write;
    private readonly Action<ControlSignal> _signalCompleted;

    public SinkStage(string name, Action<Record<T>> write, Action<ControlSignal> signalCompleted)
        : this(name, batch =>
        {
            foreach (var record in batch.Records) write(record);
        }, signalCompleted)
    {
    }

    /// <summary>A sink that takes whole batches (cheaper when per-record work is tiny).</summary>
    public SinkStage(string name, Action<RecordBatch<T>> writeBatch, Action<ControlSignal> signalCompleted)
    {
        _write = writeBatch;
        _signalCompleted = signalCompleted;
        Shape = new OperatorShape(ImmutableArray.Create<Inlet>(new Inlet<StreamElement<T>>($"{name}.in")), ImmutableArray<Outlet>.Empty);
        InitialAttributes = Attributes.CreateName(name);
    }

    public override OperatorShape Shape { get; }

    protected override Attributes InitialAttributes { get; }

    public override ILogicAndMaterializedValue<ISinkControl> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var control = new Control();
        return new LogicAndMaterializedValue<ISinkControl>(new Logic(this, control), control);
    }

    private sealed class Control : ISinkControl
    {
        internal readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        internal long Written;

        public Task Completion => Done.Task;

        public long RecordsWritten => Interlocked.Read(ref Written);
    }

    private sealed class Logic : GraphStageLogic
    {
        private readonly Inlet<StreamElement<T>> _in;

        public Logic(SinkStage<T> stage, Control control) : base(stage.Shape)
        {
            _in = stage.Shape.In<StreamElement<T>>(0);
            SetHandler(_in,
                onPush: () =>
                {
                    var element = Grab(_in);
                    if (element is RecordBatch<T> batch)
                    {
                        stage._write(batch);
                        Interlocked.Add(ref control.Written, batch.Count);
                        batch.Release();
                    }
                    else stage._signalCompleted(((ControlElement<T>)element).Signal);
                    Pull(_in);
                },
                onUpstreamFinish: () =>
                {
                    control.Done.TrySetResult();
                    CompleteStage();
                },
                onUpstreamFailure: e =>
                {
                    control.Done.TrySetException(e);
                    FailStage(e);
                });
        }

        public override void PreStart() => Pull(_in);
    }
}
