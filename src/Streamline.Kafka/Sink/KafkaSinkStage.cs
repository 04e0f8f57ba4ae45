using System.Collections.Concurrent;
using System.Collections.Immutable;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.Stage;
using Confluent.Kafka;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Core.Stages;
using Streamline.Kafka.Internal;
using Streamline.Kafka.Sink.Internal;

namespace Streamline.Kafka.Sink;

/// <summary>
/// Writes record batches to <see cref="KafkaSinkSettings.Topic"/> (at-least-once). Keys come
/// from the key selector (null: no key; keyed records land by librdkafka's key hash), values from
/// the serde, headers and timestamps are carried. At most <see cref="KafkaSinkSettings.MaxInFlight"/>
/// records are unacknowledged at any time: the stage stops pulling at the bound instead of
/// queueing. A <see cref="FlushMarker"/>, a <see cref="CheckpointBarrier"/> or the end of input
/// waits until every earlier record is acknowledged, then calls <c>onDurable</c> (end of input
/// is reported as <see cref="EndOfInput"/>) before anything further is pulled.
/// </summary>
public sealed class KafkaSinkStage<T> : GraphStageWithMaterializedValue<OperatorShape, IKafkaSinkControl>
{
    /// <summary>What <c>onDurable</c> receives when upstream completed and everything was acknowledged.</summary>
    public static readonly FlushMarker EndOfInput = new(long.MaxValue);

    public KafkaSinkStage(KafkaSinkSettings settings, ISerde<T> valueSerde, Func<T, byte[]?>? keySelector = null, Action<ControlSignal>? onDurable = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.Validate();
        ValueSerde = valueSerde ?? throw new ArgumentNullException(nameof(valueSerde));
        KeySelector = keySelector;
        OnDurable = onDurable;
        In = new Inlet<StreamElement<T>>($"KafkaSink({settings.Topic}).in");
        Shape = new OperatorShape(ImmutableArray.Create<Inlet>(In), ImmutableArray<Outlet>.Empty);
    }

    public KafkaSinkSettings Settings { get; }

    public ISerde<T> ValueSerde { get; }

    public Func<T, byte[]?>? KeySelector { get; }

    public Action<ControlSignal>? OnDurable { get; }

    public Inlet<StreamElement<T>> In { get; }

    public override OperatorShape Shape { get; }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("kafka-sink");

    public override ILogicAndMaterializedValue<IKafkaSinkControl> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var control = new SinkControl();
        return new LogicAndMaterializedValue<IKafkaSinkControl>(new Logic(this, control), control);
    }

    /// <summary>This stage as a plain sink.</summary>
    public Sink<StreamElement<T>, IKafkaSinkControl> ToSink() =>
        Akka.Streams.Dsl.Sink.FromGraph(GraphDsl.Create(this, (_, sink) => new SinkShape<StreamElement<T>>(sink.In<StreamElement<T>>(0))));

    private sealed class Logic : GraphStageLogic
    {
        private readonly KafkaSinkStage<T> _stage;
        private readonly SinkControl _control;
        private readonly KafkaMessages<T> _messages;
        private readonly string _topic;
        private readonly int _maxInFlight;
        private readonly ConcurrentQueue<DeliveryReport<byte[]?, byte[]>> _failures = new();
        private readonly Action _onDeliveries;
        private readonly Action<DeliveryReport<byte[]?, byte[]>> _deliveryHandler;
        private IProducer<byte[]?, byte[]>? _producer;
        private RecordBatch<T>? _current;
        private int _next;
        private int _inFlight;
        private long _delivered;
        private ControlSignal? _waitingSignal;
        private bool _upstreamDone;
        private Exception? _failure;
        // Written by librdkafka's delivery thread, drained on the stage's thread.
        private int _acknowledged;
        private int _wakeScheduled;

        public Logic(KafkaSinkStage<T> stage, SinkControl control) : base(stage.Shape)
        {
            _stage = stage;
            _control = control;
            _messages = new KafkaMessages<T>(stage.ValueSerde, stage.KeySelector);
            _topic = stage.Settings.Topic;
            _maxInFlight = stage.Settings.MaxInFlight;
            _onDeliveries = GetAsyncCallback(OnDeliveries);
            _deliveryHandler = OnDeliveryReport;
            SetHandler(stage.In, onPush: OnPush, onUpstreamFinish: OnUpstreamFinish, onUpstreamFailure: Fail);
        }

        public override void PreStart()
        {
            // With no outlets the stage would stop as soon as its input finishes; it must stay until
            // every in-flight record is acknowledged, or records would be lost on the way out.
            SetKeepGoing(true);
            _producer = new ProducerBuilder<byte[]?, byte[]>(_stage.Settings.ToProducerConfig())
                .SetErrorHandler((_, error) =>
                {
                    // librdkafka retries transient errors itself; a failed record surfaces as a delivery report.
                    if (error.IsFatal) _failures.Enqueue(new DeliveryReport<byte[]?, byte[]> { Error = error, TopicPartitionOffset = new TopicPartitionOffset(_topic, Partition.Any, Offset.Unset) });
                    if (error.IsFatal) Wake();
                })
                .Build();
            Pull(_stage.In);
        }

        public override void PostStop()
        {
            _current?.Release();
            _current = null;
            var producer = _producer;
            var failure = _failure;
            // Disposing joins librdkafka's threads: keep it off the stream's thread and the pool.
            Task.Factory.StartNew(() => producer?.Dispose(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .ContinueWith(t => _control.Closed(failure ?? t.Exception?.GetBaseException()), TaskScheduler.Default);
        }

        private void OnPush()
        {
            switch (Grab(_stage.In))
            {
                case RecordBatch<T> batch when batch.Count == 0:
                    batch.Release();
                    break;
                case RecordBatch<T> batch:
                    _current = batch;
                    _next = 0;
                    break;
                case ControlElement<T> { Signal: FlushMarker or CheckpointBarrier } control:
                    _waitingSignal = control.Signal;
                    break;
                // Watermarks, idle status and processing time mean nothing to Kafka.
            }
            Produce();
            Advance();
        }

        private void OnUpstreamFinish()
        {
            _upstreamDone = true;
            Advance();
        }

        private void Produce()
        {
            var producer = _producer!;
            while (_current is not null && _inFlight < _maxInFlight)
            {
                ref readonly var record = ref _current[_next];
                try
                {
                    producer.Produce(_topic, _messages.Create(record.Value, record.Timestamp, record.Headers), _deliveryHandler);
                }
                catch (ProduceException<byte[]?, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    // librdkafka's queue is full of other records: try again when some are acknowledged.
                    return;
                }
                catch (ProduceException<byte[]?, byte[]> e)
                {
                    Fail(new KafkaDeliveryException(new TopicPartition(_topic, Partition.Any), e.Error, e));
                    return;
                }
                catch (SerdeException e)
                {
                    Fail(new InvalidOperationException($"Kafka sink for topic '{_topic}' could not serialize a record with serde '{_stage.ValueSerde.Name}': {e.Message}", e));
                    return;
                }
                _inFlight++;
                if (++_next == _current.Count)
                {
                    _current.Release();
                    _current = null;
                }
            }
            _control.Publish(_delivered, _inFlight);
        }

        /// <summary>Reports durable markers and pulls (or completes) once the stage may go on.</summary>
        private void Advance()
        {
            if (_current is not null || _failure is not null) return;
            if (_waitingSignal is not null)
            {
                if (_inFlight > 0) return;
                var signal = _waitingSignal;
                _waitingSignal = null;
                if (!Durable(signal)) return;
            }
            if (_upstreamDone)
            {
                if (_inFlight == 0 && Durable(EndOfInput)) CompleteStage();
                return;
            }
            if (_inFlight < _maxInFlight && !HasBeenPulled(_stage.In)) Pull(_stage.In);
        }

        private bool Durable(ControlSignal signal)
        {
            try
            {
                _stage.OnDurable?.Invoke(signal);
                return true;
            }
            catch (Exception e)
            {
                Fail(new InvalidOperationException($"Kafka sink for topic '{_topic}': the durability callback failed for {signal}: {e.Message}", e));
                return false;
            }
        }

        /// <summary>Runs on librdkafka's delivery thread: count, remember failures, wake the stage once.</summary>
        private void OnDeliveryReport(DeliveryReport<byte[]?, byte[]> report)
        {
            if (report.Error.IsError) _failures.Enqueue(report);
            Interlocked.Increment(ref _acknowledged);
            Wake();
        }

        private void Wake()
        {
            if (Interlocked.Exchange(ref _wakeScheduled, 1) == 0) _onDeliveries();
        }

        private void OnDeliveries()
        {
            // Reset before draining: a report arriving after this line schedules another wake-up.
            Volatile.Write(ref _wakeScheduled, 0);
            var acknowledged = Interlocked.Exchange(ref _acknowledged, 0);
            _inFlight -= acknowledged;
            if (_failures.TryDequeue(out var failed))
            {
                Fail(new KafkaDeliveryException(failed.TopicPartition, failed.Error));
                return;
            }
            _delivered += acknowledged;
            _control.Publish(_delivered, _inFlight);
            Produce();
            Advance();
        }

        private void Fail(Exception error)
        {
            _failure ??= error;
            FailStage(error);
        }
    }
}
