using System.Diagnostics.CodeAnalysis;
using Streamline.Nexmark.Generator.Internal;
using Streamline.Nexmark.Model;

namespace Streamline.Nexmark.Generator;

/// <summary>
/// Deterministic Nexmark event generator reproducing Beam's <c>Generator</c> value for value: the
/// event at position <c>p</c> (Beam's <c>eventsCountSoFar</c>) has event number
/// <c>FirstEventNumber + p</c> (permuted within out-of-order groups), id
/// <c>FirstEventId + number</c>, and all of its fields drawn from <c>new java.util.Random(id)</c>.
/// Because every event is a pure function of its position, the sequence can be partitioned:
/// instance <c>i</c> of <c>n</c> emits positions <c>i, i+n, i+2n, …</c>, and the union of all
/// instances is exactly the single-generator sequence (same ids, fields and timestamps). For
/// Beam's ranged split onto parallel timelines use <see cref="GeneratorConfig.Split"/>.
/// Not thread-safe: use one instance per source.
/// </summary>
public sealed class NexmarkGenerator
{
    private readonly EventTimeline _timeline;
    private readonly JavaRandom _random = new(0);
    private readonly long _maxEvents;
    private long _position;

    public NexmarkGenerator(GeneratorConfig config)
        : this(config, 0, 1)
    {
    }

    /// <summary>Instance <paramref name="partitionIndex"/> of <paramref name="partitionCount"/> interleaved partitions.</summary>
    public NexmarkGenerator(GeneratorConfig config, int partitionIndex, int partitionCount)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (partitionCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(partitionCount), partitionCount, "partitionCount must be >= 1.");
        }

        if (partitionIndex < 0 || partitionIndex >= partitionCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(partitionIndex), partitionIndex, $"partitionIndex must be in [0, {partitionCount}).");
        }

        Config = config;
        _timeline = new EventTimeline(config);
        _maxEvents = config.EffectiveMaxEvents;
        PartitionIndex = partitionIndex;
        PartitionCount = partitionCount;
        _position = partitionIndex;
    }

    public GeneratorConfig Config { get; }

    public int PartitionIndex { get; }

    public int PartitionCount { get; }

    /// <summary>Position of the next event in the whole (unpartitioned) sequence; a checkpoint is this value.</summary>
    public long Position => _position;

    public bool HasNext => _position < _maxEvents;

    /// <summary>Id (and random seed) of the next event.</summary>
    public long NextEventId => Config.FirstEventId + AdjustedEventNumber(_position);

    /// <summary>
    /// A lower bound for the timestamps of the next and all later events of this instance
    /// (Beam's watermark); <see cref="long.MaxValue"/> once exhausted.
    /// </summary>
    public long Watermark
    {
        get
        {
            if (!HasNext)
            {
                return long.MaxValue;
            }

            var groupSize = Config.OutOfOrderGroupSize;
            var eventNumber = Config.FirstEventNumber + _position;
            return _timeline.TimestampOf(eventNumber / groupSize * groupSize);
        }
    }

    /// <summary>All events of <paramref name="config"/>, generated lazily (max-speed mode).</summary>
    public static IEnumerable<NexmarkEvent> Generate(GeneratorConfig config) => Generate(config, 0, 1);

    /// <summary>The events of one interleaved partition, generated lazily.</summary>
    public static IEnumerable<NexmarkEvent> Generate(GeneratorConfig config, int partitionIndex, int partitionCount)
    {
        var generator = new NexmarkGenerator(config, partitionIndex, partitionCount);
        return Iterate(generator);

        static IEnumerable<NexmarkEvent> Iterate(NexmarkGenerator generator)
        {
            while (generator.TryNextEvent(out var next))
            {
                yield return next;
            }
        }
    }

    public NexmarkEvent NextEvent() => TryNextEvent(out var next)
        ? next
        : throw new InvalidOperationException(
            $"The generator is exhausted after {_maxEvents} events (GeneratorConfig.MaxEvents).");

    public bool TryNextEvent([NotNullWhen(true)] out NexmarkEvent? next)
    {
        if (_position >= _maxEvents)
        {
            next = null;
            return false;
        }

        next = Build(_position);
        _position += PartitionCount;
        return true;
    }

    /// <summary>The event at <paramref name="position"/> of the whole sequence, without moving this instance.</summary>
    public NexmarkEvent EventAt(long position)
    {
        if (position < 0 || position >= _maxEvents)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"position must be in [0, {_maxEvents}).");
        }

        return Build(position);
    }

    /// <summary>Continues from a checkpointed <see cref="Position"/> (which must belong to this partition).</summary>
    public void Seek(long position)
    {
        if (position < 0 || position % PartitionCount != PartitionIndex)
        {
            throw new ArgumentOutOfRangeException(
                nameof(position), position, $"position must be >= 0 and ≡ {PartitionIndex} (mod {PartitionCount}).");
        }

        _position = position;
    }

    private long AdjustedEventNumber(long position)
    {
        long groupSize = Config.OutOfOrderGroupSize;
        var eventNumber = Config.FirstEventNumber + position;
        if (groupSize == 1)
        {
            return eventNumber;
        }

        return (eventNumber / groupSize * groupSize) + (unchecked(eventNumber * 953) % groupSize);
    }

    private NexmarkEvent Build(long position)
    {
        var config = Config;
        var eventNumber = AdjustedEventNumber(position);
        var eventId = config.FirstEventId + eventNumber;
        var timestamp = _timeline.TimestampOf(eventNumber);
        _random.SetSeed(eventId);
        return IdSpace.KindOf(eventId, config) switch
        {
            EventKind.Person => new NexmarkEvent(PersonFactory.Next(eventId, _random, timestamp, config)),
            EventKind.Auction => new NexmarkEvent(
                AuctionFactory.Next(eventNumber, eventId, _random, timestamp, config, _timeline)),
            _ => new NexmarkEvent(BidFactory.Next(eventId, _random, timestamp, config)),
        };
    }
}
