using System.Globalization;

namespace Streamline.Benchmarks;

/// <summary>Command line of the <c>checkpoints</c> mode (<see cref="Usage"/>).</summary>
public sealed record CheckpointOptions
{
    public const string Usage = "checkpoints [--seconds 10] [--rounds 5] [--warmup 1] [--state-mb 256] [--kills 5] [--no-postgres] [--only throughput|large|recovery]";

    /// <summary>Measured seconds per configuration, split evenly over the rounds.</summary>
    public int Seconds { get; init; } = 10;

    /// <summary>
    /// Rounds over all configurations, alternately forwards and backwards: on a shared machine
    /// each configuration then sees the same mix of quiet and busy moments, and the median over
    /// rounds discards a run that a neighbour's burst of work hit.
    /// </summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Measured seconds of one run.</summary>
    public double SecondsPerRun => (double)Seconds / Rounds;

    /// <summary>Unmeasured seconds at the start of each throughput run (deployment settling; JIT is warm after the first, unmeasured run).</summary>
    public int WarmupSeconds { get; init; } = 1;

    /// <summary>Keyed state of the large-state row, in MiB of values (1 KiB per key).</summary>
    public int StateMb { get; init; } = 256;

    public bool Postgres { get; init; } = true;

    /// <summary>
    /// Runs only one part: "throughput" (throughput and the in-process restart), "large" (large state
    /// and its breakdown) or "recovery" (kill -9 of a real node process); null: all.
    /// </summary>
    public string? Only { get; init; }

    /// <summary>Node processes killed per store in the recovery part.</summary>
    public int Kills { get; init; } = 5;

    public bool RunsProcessRecovery => Only is null or "recovery";

    public bool RunsThroughput => Only is null or "throughput";

    public bool RunsLargeState => Only is null or "large";

    public static CheckpointOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CheckpointOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = Positive(args, ++i) },
                "--rounds" => options with { Rounds = Positive(args, ++i) },
                "--warmup" => options with { WarmupSeconds = Positive(args, ++i) },
                "--state-mb" => options with { StateMb = Positive(args, ++i) },
                "--no-postgres" => options with { Postgres = false },
                "--only" when i + 1 < args.Count && args[i + 1] is "throughput" or "large" or "recovery" => options with { Only = args[++i] },
                "--only" => throw new ArgumentException("--only needs 'throughput', 'large' or 'recovery'"),
                "--kills" => options with { Kills = Positive(args, ++i) },
                var other => throw new ArgumentException($"unknown option '{other}'; usage: {Usage}"),
            };
        }
        return options;
    }

    private static int Positive(IReadOnlyList<string> args, int i)
    {
        if (i >= args.Count || !int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            throw new ArgumentException($"{args[i - 1]} needs a positive whole number");
        return value;
    }
}
