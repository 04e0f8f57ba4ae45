using System.Collections.Immutable;
using Akka.Event;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.Stage;
using Confluent.Kafka;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.Stages;
using Streamline.Core.Time;
using Streamline.Kafka.Source.Internal;
using DeadLetter = Streamline.Core.Records.DeadLetter;
using Error = Confluent.Kafka.Error;
using LogMessage = Confluent.Kafka.LogMessage;

namespace Streamline.Kafka.Source;

/// <summary>
/// Reads the partitions listed in <see cref="KafkaSourceSettings.Partitions"/> (Assign with
/// resolved offsets, never Subscribe) and emits <see cref="RecordBatch{T}"/>es, watermarks,
/// idle status and injected checkpoint barriers on output 0, and records whose value could not
/// be deserialized as <see cref="DeadLetter"/>s on output 1.
/// </summary>
/// <remarks>
/// Polling is non-blocking <c>Consume(TimeSpan.Zero)</c> on the stage's own thread, driven by
/// downstream pulls and, while there is demand but nothing to read, a timer of
/// <see cref="KafkaSourceSettings.PollInterval"/>. librdkafka already fetches on its own threads
/// into a local queue, so Consume(0) only dequeues; a dedicated poll thread per source would add
/// a thread per task, a hand-over buffer and cross-thread access to a consumer that is not meant
/// to be shared, to save at most one poll interval of latency on a quiet topic.
/// Memory is bounded by <see cref="KafkaSourceSettings.MaxBufferedRecords"/>: when the buffer
/// is full the partitions are paused (librdkafka stops fetching them) and resumed at half.
/// </remarks>
public sealed class KafkaSourceStage<T> : GraphStageWithMaterializedValue<OperatorShape, IKafkaSourceControl>
{
    public KafkaSourceStage(KafkaSourceSettings settings, ISerde<T> valueSerde, WatermarkStrategy<T>? watermarks = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.Validate();
        ValueSerde = valueSerde ?? throw new ArgumentNullException(nameof(valueSerde));
        Watermarks = watermarks ?? WatermarkStrategy<T>.NoWatermarks();
        Out = new Outlet<StreamElement<T>>($"KafkaSource({settings.Topic}).out");
        DeadLetters = new Outlet<StreamElement<DeadLetter>>($"KafkaSource({settings.Topic}).deadLetters");
        Shape = new OperatorShape(ImmutableArray<Inlet>.Empty, ImmutableArray.Create<Outlet>(Out, DeadLetters));
    }

    public KafkaSourceSettings Settings { get; }

    public ISerde<T> ValueSerde { get; }

    public WatermarkStrategy<T> Watermarks { get; }

    /// <summary>Output 0: records and control elements.</summary>
    public Outlet<StreamElement<T>> Out { get; }

    /// <summary>Output 1: records that could not be deserialized, with raw bytes and the reason.</summary>
    public Outlet<StreamElement<DeadLetter>> DeadLetters { get; }

    public override OperatorShape Shape { get; }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("kafka-source");

    public override ILogicAndMaterializedValue<IKafkaSourceControl> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var control = new SourceControl(Settings.Partitions);
        return new LogicAndMaterializedValue<IKafkaSourceControl>(new Logic(this, control), control);
    }

    /// <summary>This stage as a plain source, with its dead-letter output wired into <paramref name="deadLetters"/>.</summary>
    public Source<StreamElement<T>, (IKafkaSourceControl Control, TDeadMat DeadLetters)> ToSource<TDeadMat>(Sink<StreamElement<DeadLetter>, TDeadMat> deadLetters) =>
        Akka.Streams.Dsl.Source.FromGraph(GraphDsl.Create(this, deadLetters, (control, dead) => (control, dead), (builder, source, dead) =>
        {
            builder.From(source.Out<StreamElement<DeadLetter>>(1)).To(dead.Inlet);
            return new SourceShape<StreamElement<T>>(source.Out<StreamElement<T>>(0));
        }));

    private sealed class Logic : TimerGraphStageLogic
    {
        private const string PollTimer = "poll";
        private const string IdleTimer = "idle";
        private const string Origin = "kafka-source";

        private readonly KafkaSourceStage<T> _stage;
        private readonly KafkaSourceSettings _settings;
        private readonly SourceControl _control;
        private readonly PartitionState[] _partitions;
        private readonly Dictionary<int, PartitionState> _byPartition;
        private readonly WatermarkAligner _aligner;
        private readonly Queue<StreamElement<T>> _queue = new();
        private readonly Queue<BarrierRequest> _barriers = new();
        private readonly Queue<BarrierRequest> _awaitingAssignment = new();
        private readonly Queue<DeadLetter> _deadLetters = new();
        private readonly Action<IReadOnlyList<TopicPartitionOffset>> _onAssigned;
        private readonly Action<Exception> _onFailure;
        private SharedConsumer? _consumer;
        private ILoggingAdapter? _log;
        private RecordBatch<T>? _open;
        private int _buffered;
        private bool _assigned;
        private bool _paused;
        private bool _stopping;
        private bool _pollScheduled;
        private bool _idleEmitted;
        private bool _deadLettersCancelled;
        private Exception? _failure;

        public Logic(KafkaSourceStage<T> stage, SourceControl control) : base(stage.Shape)
        {
            _stage = stage;
            _settings = stage.Settings;
            _control = control;
            _partitions = _settings.Partitions
                .Select((partition, channel) => new PartitionState(_settings.Topic, partition, channel, stage.Watermarks.CreateGenerator()))
                .ToArray();
            _byPartition = _partitions.ToDictionary(p => p.Partition);
            _aligner = new WatermarkAligner(_partitions.Length);

            _onAssigned = GetAsyncCallback<IReadOnlyList<TopicPartitionOffset>>(Assigned);
            _onFailure = GetAsyncCallback<Exception>(Fail);
            control.Bind(GetAsyncCallback<BarrierRequest>(InjectBarrier), GetAsyncCallback<CommitRequest>(Commit), GetAsyncCallback(RequestStop));

            SetHandler(stage.Out, onPull: OnPullRecords, onDownstreamFinish: _ => CompleteStage());
            SetHandler(stage.DeadLetters, onPull: PushDeadLetters, onDownstreamFinish: _ => _deadLettersCancelled = true);
        }

        public override void PreStart()
        {
            _log = Log;
            var consumer = new ConsumerBuilder<byte[]?, byte[]?>(_settings.ToConsumerConfig())
                .SetErrorHandler((_, error) => OnKafkaError(error))
                .SetLogHandler((_, message) => OnKafkaLog(message))
                .Build();
            _consumer = new SharedConsumer(consumer);

            // Resolving earliest/latest/committed asks the broker: do it off the stream's thread.
            _consumer.RunAsync(c => StartOffsetResolver.Resolve(c, _settings)).ContinueWith(
                t =>
                {
                    if (t.IsCompletedSuccessfully) _onAssigned(t.Result);
                    else _onFailure(t.Exception?.GetBaseException() ?? new InvalidOperationException("start-offset lookup was cancelled"));
                },
                TaskScheduler.Default);

            if (_stage.Watermarks.EmitsWatermarks && _stage.Watermarks.IdleTimeout is { } idle)
                ScheduleRepeatedly(IdleTimer, TimeSpan.FromMilliseconds(Math.Max(5, idle.TotalMilliseconds / 4)));
        }

        public override void PostStop()
        {
            _control.Stopped();
            while (_queue.TryDequeue(out var element))
                if (element is RecordBatch<T> batch) batch.Release();
            _open?.Release();
            _open = null;
            var failure = _failure;
            var closing = _consumer?.CloseAsync() ?? Task.CompletedTask;
            closing.ContinueWith(t => _control.Closed(failure ?? t.Exception?.GetBaseException()), TaskScheduler.Default);
        }

        protected override void OnTimer(object timerKey)
        {
            switch (timerKey)
            {
                case PollTimer:
                    _pollScheduled = false;
                    if (IsAvailable(_stage.Out)) Poll();
                    break;
                case IdleTimer:
                    CheckIdleness();
                    break;
            }
        }

        private void Assigned(IReadOnlyList<TopicPartitionOffset> offsets)
        {
            try
            {
                _consumer!.Consumer.Assign(offsets);
            }
            catch (KafkaException e)
            {
                Fail(new InvalidOperationException($"Kafka source could not assign '{_settings.Topic}' partitions {string.Join(",", _settings.Partitions)}: {e.Error.Reason}", e));
                return;
            }
            var now = Environment.TickCount64;
            foreach (var tpo in offsets)
            {
                var state = _byPartition[tpo.Partition.Value];
                state.Position = tpo.Offset.Value;
                state.LastActivityMs = now;
                _control.PublishPosition(state.Channel, state.Position);
            }
            _assigned = true;
            _log?.Info("Kafka source assigned {0} at {1}", _settings.Topic, string.Join(", ", offsets.Select(o => $"[{o.Partition.Value}]@{o.Offset.Value}")));
            while (_awaitingAssignment.TryDequeue(out var held)) InjectBarrier(held);
            if (IsAvailable(_stage.Out)) Poll();
        }

        private void OnPullRecords()
        {
            if (_queue.Count > 0) PushNext();
            if (_stopping) CompleteWhenDrained();
            else Poll();
        }

        /// <summary>Drains librdkafka's local queue into the buffer, up to the buffer bounds.</summary>
        private void Poll()
        {
            if (!_assigned || _stopping || _consumer is null) return;
            var consumer = _consumer.Consumer;
            var consumed = 0;
            try
            {
                while (_failure is null && _buffered < _settings.MaxBufferedRecords && _deadLetters.Count < _settings.MaxBufferedDeadLetters)
                {
                    var result = consumer.Consume(TimeSpan.Zero);
                    if (result is null) break;
                    if (result.IsPartitionEOF) continue;
                    Accept(result);
                    consumed++;
                }
            }
            catch (ConsumeException e) when (!e.Error.IsFatal)
            {
                OnKafkaError(e.Error);
            }
            catch (Exception e)
            {
                Fail(new InvalidOperationException($"Kafka source for topic '{_settings.Topic}' failed while polling: {e.Message}", e));
                return;
            }
            if (_failure is not null) return;

            CloseOpenBatch();
            AdvanceWatermark();
            PublishFigures();
            ApplyBackpressure();
            if (IsAvailable(_stage.Out) && _queue.Count > 0) PushNext();
            if (IsAvailable(_stage.DeadLetters)) PushDeadLetters();
            if (consumed == 0 && IsAvailable(_stage.Out) && !_pollScheduled)
            {
                _pollScheduled = true;
                ScheduleOnce(PollTimer, _settings.PollInterval);
            }
        }

        private void Accept(ConsumeResult<byte[]?, byte[]?> result)
        {
            var state = _byPartition[result.Partition.Value];
            state.Position = result.Offset.Value + 1;
            state.LastActivityMs = Environment.TickCount64;
            var message = result.Message;
            var kafkaTimestamp = message.Timestamp.UnixTimestampMs;

            T value;
            long timestamp;
            try
            {
                value = _stage.ValueSerde.Deserialize(message.Value ?? ReadOnlySpan<byte>.Empty);
                timestamp = _stage.Watermarks.ExtractTimestamp(value, kafkaTimestamp);
            }
            catch (Exception e)
            {
                var what = e is SerdeException
                    ? $"value serde '{_stage.ValueSerde.Name}' could not deserialize the record"
                    : $"reading the record with serde '{_stage.ValueSerde.Name}' threw {e.GetType().Name}";
                var tombstone = message.Value is null ? " (null value)" : "";
                Reject(new DeadLetter(Origin, $"{what}{tombstone}: {e.Message}", message.Key, message.Value,
                    result.Topic, result.Partition.Value, result.Offset.Value, kafkaTimestamp));
                return;
            }

            if (_idleEmitted)
            {
                // Active again: downstream must hear it before these records.
                CloseOpenBatch();
                _queue.Enqueue(new ControlElement<T>(new IdleStatus(false)));
                _idleEmitted = false;
            }
            _open ??= new RecordBatch<T>(_settings.MaxBatchSize);
            _open.Add(new Record<T>(value, timestamp, MapHeaders(message.Headers)));
            _buffered++;
            if (_open.Count >= _settings.MaxBatchSize) CloseOpenBatch();

            state.Generator.OnEvent(timestamp);
            state.HasNewEvents = true;
        }

        private void Reject(DeadLetter deadLetter)
        {
            if (_deadLettersCancelled)
            {
                // Never drop: without a dead-letter output the pipeline cannot go on correctly.
                Fail(new InvalidOperationException($"Dead letter could not be routed because the dead-letter output was cancelled: {deadLetter}"));
                return;
            }
            _log?.Warning("Kafka source dead letter: {0}", deadLetter);
            _deadLetters.Enqueue(deadLetter);
        }

        private void CloseOpenBatch()
        {
            if (_open is null) return;
            if (_open.Count > 0) _queue.Enqueue(_open);
            else _open.Release();
            _open = null;
        }

        private void PushNext()
        {
            var element = _queue.Dequeue();
            if (element is RecordBatch<T> batch) _buffered -= batch.Count;
            Push(_stage.Out, element);
            if (element is ControlElement<T> { Signal: CheckpointBarrier } && _barriers.TryDequeue(out var request))
            {
                request.Complete();
                _control.Done(request);
            }
            PublishFigures();
            ApplyBackpressure();
        }

        private void PushDeadLetters()
        {
            if (_deadLetters.Count > 0)
            {
                var batch = new RecordBatch<DeadLetter>(Math.Min(_deadLetters.Count, _settings.MaxBatchSize));
                while (batch.Count < _settings.MaxBatchSize && _deadLetters.TryDequeue(out var letter))
                    batch.Add(letter, letter.Timestamp);
                Push(_stage.DeadLetters, batch);
                PublishFigures();
                ApplyBackpressure();
            }
            if (_stopping) CompleteWhenDrained();
        }

        private void AdvanceWatermark()
        {
            if (!_stage.Watermarks.EmitsWatermarks) return;
            var advanced = false;
            foreach (var state in _partitions)
            {
                if (!state.HasNewEvents) continue;
                state.HasNewEvents = false;
                advanced |= _aligner.Update(state.Channel, state.Generator.CurrentWatermark);
            }
            if (advanced) _queue.Enqueue(new ControlElement<T>(new Watermark(_aligner.Current)));
        }

        /// <summary>
        /// A partition is idle when no record came for the idle timeout and nothing is known to be
        /// waiting in it (position ≥ cached high watermark), so a backpressured partition with
        /// data is never declared idle. Partitions turning idle in the same check are marked
        /// lowest watermark first, so the combined watermark first moves up to the highest of them
        /// (marking the highest first would leave no active partition to advance to).
        /// </summary>
        private void CheckIdleness()
        {
            if (!_assigned || _stopping || _stage.Watermarks.IdleTimeout is not { } timeout) return;
            RefreshHighWatermarks();
            var now = Environment.TickCount64;
            var turningIdle = _partitions
                .Where(p => !_aligner.IsIdle(p.Channel) && !p.HasNewEvents && p.IsCaughtUp && now - p.LastActivityMs >= timeout.TotalMilliseconds)
                .OrderBy(p => _aligner.ChannelWatermark(p.Channel))
                .ToList();
            var advanced = false;
            foreach (var state in turningIdle) advanced |= _aligner.SetIdle(state.Channel, true);
            if (advanced)
            {
                CloseOpenBatch();
                _queue.Enqueue(new ControlElement<T>(new Watermark(_aligner.Current)));
            }
            if (_aligner.AllIdle && !_idleEmitted)
            {
                CloseOpenBatch();
                _queue.Enqueue(new ControlElement<T>(new IdleStatus(true)));
                _idleEmitted = true;
            }
            if (IsAvailable(_stage.Out) && _queue.Count > 0) PushNext();
        }

        private void ApplyBackpressure()
        {
            if (!_assigned || _consumer is null) return;
            var full = _buffered >= _settings.MaxBufferedRecords || _deadLetters.Count >= _settings.MaxBufferedDeadLetters;
            var drained = _buffered <= _settings.MaxBufferedRecords / 2 && _deadLetters.Count <= _settings.MaxBufferedDeadLetters / 2;
            if (full && !_paused)
            {
                _consumer.Consumer.Pause(_partitions.Select(p => p.TopicPartition));
                _paused = true;
                _control.PublishPaused(true);
            }
            else if (_paused && drained && !_stopping)
            {
                _consumer.Consumer.Resume(_partitions.Select(p => p.TopicPartition));
                // Pausing purged librdkafka's fetch queue, and a resume alone does not wake the
                // broker thread that went idle when every partition was paused (measured: up to
                // ~1 s before fetching restarts). A seek to our position restarts the fetch at
                // once; it is a local round trip to librdkafka's main thread, not a broker call.
                try
                {
                    foreach (var p in _partitions) _consumer.Consumer.Seek(new TopicPartitionOffset(p.TopicPartition, p.Position));
                }
                catch (KafkaException e)
                {
                    // Only a latency optimisation: fetching still restarts on librdkafka's next wake-up.
                    _log?.Warning("Kafka source for '{0}': seek after resume failed: {1}", _settings.Topic, e.Error.Reason);
                }
                _paused = false;
                _control.PublishPaused(false);
            }
        }

        private void InjectBarrier(BarrierRequest request)
        {
            if (_stopping)
            {
                request.Fail(new InvalidOperationException($"Kafka source for '{_settings.Topic}' is stopping; barrier {request.Barrier.CheckpointId} was not injected."));
                _control.Done(request);
                return;
            }
            // Before the assignment the start offsets are still being resolved and the positions are
            // -1, not a cut: a checkpoint holding them could neither commit nor restore. The barrier
            // waits for the assignment (or fails with the other pending requests if the source stops).
            if (!_assigned)
            {
                _awaitingAssignment.Enqueue(request);
                return;
            }
            // Everything consumed so far is in the queue ahead of the barrier: the cut is the positions now.
            CloseOpenBatch();
            request.Offsets = _partitions.ToDictionary(p => p.Partition, p => p.Position);
            _queue.Enqueue(new ControlElement<T>(request.Barrier));
            _barriers.Enqueue(request);
            if (IsAvailable(_stage.Out)) PushNext();
        }

        private void Commit(CommitRequest request)
        {
            var offsets = request.Offsets.Select(o => new TopicPartitionOffset(_settings.Topic, o.Key, o.Value)).ToList();
            _consumer!.RunAsync(c =>
            {
                c.Commit(offsets);
                return true;
            }).ContinueWith(t =>
            {
                if (t.IsCompletedSuccessfully) request.Complete();
                else request.Fail(new InvalidOperationException(
                    $"Committing offsets {string.Join(", ", offsets.Select(o => $"[{o.Partition.Value}]@{o.Offset.Value}"))} of '{_settings.Topic}' for group '{_settings.GroupId}' failed: {t.Exception?.GetBaseException().Message}",
                    t.Exception?.GetBaseException()));
                _control.Done(request);
            }, TaskScheduler.Default);
        }

        private void RequestStop()
        {
            if (_stopping) return;
            _stopping = true;
            CancelTimer(PollTimer);
            CancelTimer(IdleTimer);
            CloseOpenBatch();
            CompleteWhenDrained();
        }

        private void CompleteWhenDrained()
        {
            if (_queue.Count == 0 && (_deadLetters.Count == 0 || _deadLettersCancelled)) CompleteStage();
        }

        private void Fail(Exception error)
        {
            _failure ??= error;
            FailStage(error);
        }

        private void PublishFigures()
        {
            foreach (var state in _partitions) _control.PublishPosition(state.Channel, state.Position);
            RefreshHighWatermarks();
            _control.PublishBuffered(_buffered, _deadLetters.Count);
        }

        private void RefreshHighWatermarks()
        {
            if (_consumer is null || !_assigned) return;
            foreach (var state in _partitions)
            {
                // Cached by librdkafka from fetch responses: no broker round trip.
                var high = _consumer.Consumer.GetWatermarkOffsets(state.TopicPartition).High;
                if (high.Value >= 0) state.HighWatermark = high.Value;
                _control.PublishHighWatermark(state.Channel, state.HighWatermark);
            }
        }

        /// <summary>librdkafka reports errors from Consume's thread or its own; it retries transient ones itself.</summary>
        private void OnKafkaError(Error error)
        {
            _control.PublishError(error);
            if (error.IsFatal)
            {
                _onFailure(new KafkaException(error));
                return;
            }
            _log?.Warning("Kafka source for '{0}': transient error {1}: {2}", _settings.Topic, error.Code, error.Reason);
        }

        private void OnKafkaLog(LogMessage message)
        {
            if (_log is null) return;
            var level = message.Level switch
            {
                <= SyslogLevel.Error => LogLevel.ErrorLevel,
                SyslogLevel.Warning => LogLevel.WarningLevel,
                _ => LogLevel.DebugLevel,
            };
            _log.Log(level, $"librdkafka {message.Name} {message.Facility}: {message.Message}");
        }

        private static RecordHeaders? MapHeaders(Headers? headers)
        {
            if (headers is null || headers.Count == 0) return null;
            var mapped = new RecordHeaders();
            // RecordHeaders values are non-null; a Kafka header without a value becomes empty.
            foreach (var header in headers) mapped.Add(header.Key, header.GetValueBytes() ?? Array.Empty<byte>());
            return mapped;
        }
    }
}
