using System.Collections.Immutable;
using Akka;
using Akka.Streams;
using Akka.Streams.Stage;
using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.Sinks;
using Streamline.Core.Stages;
using Streamline.Samples.Etl.Shards;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// Writes kept documents to rolling zstd JSONL shards through a <see cref="ShardWriter"/> and publishes them
/// (renames + atomic <c>manifest.json</c> replace) when a <see cref="FlushMarker"/> or
/// <see cref="CheckpointBarrier"/> arrives or the input ends. <c>signalCompleted</c> is called only after that
/// commit, so a flush that reached this sink means its records are durable and listed in the manifest.
/// <para>
/// Exactly-once needs more than this: committing at the barrier publishes data of a checkpoint that may still
/// fail elsewhere, and a restore would then replay it. With checkpointing the commit moves to the
/// "checkpoint complete" notification (pre-commit at the barrier, commit on completion, abort on restore) —
/// the writer already separates <c>Commit</c> from <c>Abort</c> for that. Until then this is at-least-once
/// across restarts and exactly-once within a run. Parallel instances write to <c>part-NNN</c> subdirectories
/// because one writer owns a directory.
/// </para>
/// </summary>
public sealed class ShardSink : ISinkDefinition<ShardDocument>
{
    private readonly string _directory;
    private readonly ShardWriterSettings _settings;

    public ShardSink(string directory, ShardWriterSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
        _settings = settings ?? ShardWriterSettings.Default;
    }

    public string Describe() => $"zstd JSONL shards in {_directory}";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ControlSignal> signalCompleted, Action<ISinkControl> register)
    {
        var directory = context.Parallelism == 1 ? _directory : Path.Combine(_directory, $"part-{context.SubtaskIndex:D3}");
        return new ReportingStage<ISinkControl>(new Stage(name, directory, _settings, signalCompleted), register);
    }

    /// <summary>Control signals after which everything written so far is published.</summary>
    internal static bool CommitsOn(ControlSignal signal) => signal is FlushMarker or CheckpointBarrier;

    private sealed class Stage : GraphStageWithMaterializedValue<OperatorShape, ISinkControl>
    {
        public Stage(string name, string directory, ShardWriterSettings settings, Action<ControlSignal> signalCompleted)
        {
            Directory = directory;
            Settings = settings;
            SignalCompleted = signalCompleted;
            Shape = new OperatorShape(ImmutableArray.Create<Inlet>(new Inlet<StreamElement<ShardDocument>>($"{name}.in")), ImmutableArray<Outlet>.Empty);
            InitialAttributes = Attributes.CreateName(name);
        }

        public string Directory { get; }

        public ShardWriterSettings Settings { get; }

        public Action<ControlSignal> SignalCompleted { get; }

        public override OperatorShape Shape { get; }

        protected override Attributes InitialAttributes { get; }

        public override ILogicAndMaterializedValue<ISinkControl> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
        {
            var control = new Control();
            return new LogicAndMaterializedValue<ISinkControl>(new Logic(this, control), control);
        }
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
        private readonly Stage _stage;
        private readonly Control _control;
        private readonly Inlet<StreamElement<ShardDocument>> _in;
        private ShardWriter? _writer;

        public Logic(Stage stage, Control control) : base(stage.Shape)
        {
            _stage = stage;
            _control = control;
            _in = stage.Shape.In<StreamElement<ShardDocument>>(0);
            SetHandler(_in, onPush: OnPush, onUpstreamFinish: OnUpstreamFinish, onUpstreamFailure: OnUpstreamFailure);
        }

        public override void PreStart()
        {
            // Opening the writer deletes leftovers of an uncommitted earlier run: the manifest is the truth.
            _writer = new ShardWriter(_stage.Directory, _stage.Settings);
            Pull(_in);
        }

        public override void PostStop()
        {
            // Anything not committed by now is discarded, never published half-written.
            _writer?.Dispose();
            _control.Done.TrySetException(new InvalidOperationException("the shard sink stopped before its input ended"));
        }

        private void OnPush()
        {
            var element = Grab(_in);
            if (element is RecordBatch<ShardDocument> batch)
            {
                try
                {
                    foreach (var record in batch.Records)
                    {
                        _writer!.Write(record.Value);
                    }

                    Interlocked.Add(ref _control.Written, batch.Count);
                }
                finally
                {
                    batch.Release();
                }
            }
            else
            {
                var signal = ((ControlElement<ShardDocument>)element).Signal;
                if (CommitsOn(signal))
                {
                    _writer!.Commit();
                }

                _stage.SignalCompleted(signal);
            }

            Pull(_in);
        }

        private void OnUpstreamFinish()
        {
            _writer!.Commit();
            _control.Done.TrySetResult();
            CompleteStage();
        }

        private void OnUpstreamFailure(Exception cause)
        {
            _control.Done.TrySetException(cause);
            FailStage(cause);
        }
    }
}
