using System.Globalization;
using Streamline.Samples.Etl.Pii;
using Streamline.Samples.Etl.Pipeline;

namespace Streamline.Samples.Etl;

/// <summary>What an ETL run did: where every input record went, PII replaced, tokens kept, throughput.</summary>
public sealed record EtlReport
{
    public required long Input { get; init; }

    public required long InputBytes { get; init; }

    public required long Kept { get; init; }

    public required long TokensKept { get; init; }

    public required long Invalid { get; init; }

    public required IReadOnlyDictionary<string, long> RejectedByRule { get; init; }

    public required long ExactDuplicates { get; init; }

    public required long NearDuplicates { get; init; }

    /// <summary>Values replaced by the scrubber (in documents that passed quality, before dedup).</summary>
    public required IReadOnlyDictionary<PiiKind, long> PiiByKind { get; init; }

    /// <summary>Records a stage threw on (dead letters); zero in a healthy run.</summary>
    public required long Failed { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public required int Shards { get; init; }

    public string? OutputDirectory { get; init; }

    public long Rejected => RejectedByRule.Values.Sum();

    /// <summary>Input records not accounted for by any output; zero unless the run was cut short.</summary>
    public long Unaccounted => Input - Kept - Rejected - Invalid - ExactDuplicates - NearDuplicates - Failed;

    public double DocumentsPerSecond => Input / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double MegabytesPerSecond => InputBytes / 1e6 / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public static EtlReport From(EtlCounters counters, TimeSpan elapsed, int shards, string? outputDirectory) => new()
    {
        Input = counters.Input,
        InputBytes = counters.InputBytes,
        Kept = counters.Kept,
        TokensKept = counters.TokensKept,
        Invalid = counters.Invalid,
        RejectedByRule = counters.RejectedByRule,
        ExactDuplicates = counters.ExactDuplicates,
        NearDuplicates = counters.NearDuplicates,
        PiiByKind = counters.PiiByKind,
        Failed = counters.Failed,
        Elapsed = elapsed,
        Shards = shards,
        OutputDirectory = outputDirectory,
    };

    public void WriteTo(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"input            {Input,10:N0} documents  {InputBytes / 1e6,8:F1} MB"));
        output.WriteLine(string.Create(c, $"kept             {Kept,10:N0} documents  {TokensKept,12:N0} tokens (o200k)  in {Shards} shard(s)"));
        output.WriteLine(string.Create(c, $"invalid          {Invalid,10:N0}"));
        output.WriteLine(string.Create(c, $"rejected         {Rejected,10:N0}"));
        foreach (var (rule, count) in RejectedByRule.Where(r => r.Value > 0).OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(c, $"  {rule,-28}{count,8:N0}"));
        }

        output.WriteLine(string.Create(c, $"exact duplicates {ExactDuplicates,10:N0}"));
        output.WriteLine(string.Create(c, $"near duplicates  {NearDuplicates,10:N0}"));
        output.WriteLine(string.Create(c, $"failed           {Failed,10:N0}"));
        output.WriteLine("PII replaced     " + string.Join("  ", PiiByKind.Select(p => string.Create(c, $"{p.Key}={p.Value:N0}"))));
        output.WriteLine(string.Create(c, $"elapsed          {Elapsed.TotalSeconds,10:F2} s   {DocumentsPerSecond:N0} docs/s   {MegabytesPerSecond:F2} MB/s"));
        if (OutputDirectory is not null)
        {
            output.WriteLine($"shards in        {OutputDirectory}");
        }
    }

    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(writer);
        return writer.ToString();
    }
}
