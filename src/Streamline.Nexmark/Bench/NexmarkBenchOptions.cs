using System.Globalization;
using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Queries;
using Streamline.Nexmark.Serialization;

namespace Streamline.Nexmark.Bench;

/// <summary>What one Nexmark benchmark run does; mutable options, checked by <see cref="Validate"/>.</summary>
public sealed class NexmarkBenchOptions
{
    public string Query { get; set; } = "q5";

    public NexmarkBenchMode Mode { get; set; } = NexmarkBenchMode.Engine;

    /// <summary>Events measured, after the warm-up.</summary>
    public long Events { get; set; } = 10_000_000;

    /// <summary>
    /// Events run before measuring starts (JIT tiering, state and pools filled). Default: 20 % of
    /// <see cref="Events"/>, at least 200 000 (Kafka mode: no minimum, the embedded broker holds little).
    /// </summary>
    public long? WarmupEvents { get; set; }

    /// <summary>
    /// Event-time density of the generator (its TPS parameter, on one timeline). NXF V2 uses
    /// 100 000: a 10 s window then holds a million events, whatever the processing speed.
    /// </summary>
    public int EventTimeRate { get; set; } = 100_000;

    /// <summary>Latency mode: events per wall-clock second the scheduled generator emits.</summary>
    public int LatencyRate { get; set; } = 100_000;

    /// <summary>The source's bounded out-of-orderness (NXF: 4 s).</summary>
    public TimeSpan WatermarkDelay { get; set; } = TimeSpan.FromSeconds(4);

    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Engine mode: also time the generator alone over the same events (to derive the generator-excluded figure).</summary>
    public bool MeasureGenerator { get; set; } = true;

    /// <summary>Kafka mode: how events are encoded in the input topic.</summary>
    public NexmarkEventFormat Format { get; set; } = NexmarkEventFormat.Binary;

    /// <summary>Kafka mode: partitions of the input topic; null picks enough for the embedded broker to keep every record (at least 8).</summary>
    public int? Partitions { get; set; }

    public long EffectiveWarmupEvents => WarmupEvents ?? (Mode == NexmarkBenchMode.Kafka ? Events / 5 : Math.Max(200_000, Events / 5));

    /// <summary>The generator config both the pipeline and the generator-only run use.</summary>
    public GeneratorConfig BuildGeneratorConfig() =>
        GeneratorConfig.Default
            .WithNumEventGenerators(1)
            .WithFractionalInterEventDelay(true)
            .WithEventRate(Mode == NexmarkBenchMode.Latency ? LatencyRate : EventTimeRate)
            .WithMaxEvents(EffectiveWarmupEvents + Events);

    public NexmarkBenchOptions Validate()
    {
        QueryCatalog.Get(Query);
        if (Events < 1) throw new ArgumentException($"Events must be at least 1, got {Events}");
        if (WarmupEvents < 0) throw new ArgumentException($"WarmupEvents must not be negative, got {WarmupEvents}");
        if (EventTimeRate < 1 || LatencyRate < 1) throw new ArgumentException("EventTimeRate and LatencyRate must be positive events per second");
        if (WatermarkDelay < TimeSpan.Zero) throw new ArgumentException($"WatermarkDelay must not be negative, got {WatermarkDelay}");
        if (ProgressInterval <= TimeSpan.Zero) throw new ArgumentException("ProgressInterval must be positive");
        if (Partitions < 1) throw new ArgumentException($"Partitions must be at least 1, got {Partitions}");
        return this;
    }

    /// <summary>
    /// Reads <c>--query q5 --mode engine|latency|kafka --events N --warmup N --tps N --rate N --watermark-delay-ms N
    /// --format binary|json --partitions N</c>
    /// (for programs without a command-line library).
    /// </summary>
    public static NexmarkBenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new NexmarkBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"option {name} needs a value");
            switch (name)
            {
                case "--query": o.Query = value; break;
                case "--mode": o.Mode = Enum.Parse<NexmarkBenchMode>(value, ignoreCase: true); break;
                case "--events": o.Events = Number(value); break;
                case "--warmup": o.WarmupEvents = Number(value); break;
                case "--tps": o.EventTimeRate = (int)Number(value); break;
                case "--rate": o.LatencyRate = (int)Number(value); break;
                case "--watermark-delay-ms": o.WatermarkDelay = TimeSpan.FromMilliseconds(Number(value)); break;
                case "--format": o.Format = Enum.Parse<NexmarkEventFormat>(value, ignoreCase: true); break;
                case "--partitions": o.Partitions = (int)Number(value); break;
                default: throw new ArgumentException($"unknown option {name}; known: --query --mode --events --warmup --tps --rate --watermark-delay-ms --format --partitions");
            }
        }
        return o.Validate();
    }

    private static long Number(string s) => long.Parse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
