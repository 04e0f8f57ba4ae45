using Streamline.Core.Dsl;
using Streamline.Core.Records;
using Streamline.Core.Sinks;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Generator;
using Streamline.Samples.Etl.Pipeline;
using Streamline.Samples.Etl.Shards;
using Xunit;

namespace Streamline.Samples.Tests.Pipeline;

/// <summary>
/// The training-data pipeline on any line source with every output collected, plus the ground-truth checks the
/// ingest tests (Kafka, watched directory) share: the same promises as <see cref="TrainingDataPipelineTests"/>.
/// </summary>
internal sealed class EtlCapture
{
    private readonly CollectionSink<ValidationError> _invalid = new();
    private readonly CollectionSink<QualityReject> _rejected = new();
    private readonly CollectionSink<ExactDuplicate> _exact = new();
    private readonly CollectionSink<NearDuplicate> _near = new();

    public EtlCapture(PipelineBuilder pipeline, DataStream<string> lines, string shardDirectory)
    {
        ShardDirectory = shardDirectory;
        var streams = TrainingDataPipeline.Build(lines, EtlPipelineSettings.Default, Counters);
        streams.Kept.To(new ShardSink(shardDirectory), "shards");
        streams.Invalid.To(_invalid, "invalid-out");
        streams.Rejected.To(_rejected, "rejected-out");
        streams.ExactDuplicates.To(_exact, "exact-duplicates-out");
        streams.NearDuplicates.To(_near, "near-duplicates-out");
        pipeline.DeadLetters().To(new Core.Sinks.ForEachSink<DeadLetter>(_ => Counters.OnFailed()), "failed");
    }

    public EtlCounters Counters { get; } = new();

    public string ShardDirectory { get; }

    /// <summary>Input lines that reached an outcome (the pipeline routes every line to exactly one).</summary>
    public long Accounted => Counters.Kept + Counters.Rejected + Counters.Invalid + Counters.ExactDuplicates + Counters.NearDuplicates + Counters.Failed;

    public string Describe() =>
        $"input {Counters.Input}, kept {Counters.Kept}, rejected {Counters.Rejected}, invalid {Counters.Invalid}, exact {Counters.ExactDuplicates}, near {Counters.NearDuplicates}, failed {Counters.Failed}";

    /// <summary>Call after the pipeline completed: <paramref name="corpus"/> plus <paramref name="invalidLines"/> were the whole input.</summary>
    public void AssertGroundTruth(IReadOnlyList<GeneratedDocument> corpus, IReadOnlyList<(string Line, string Field)> invalidLines)
    {
        var kept = ShardReader.ReadAll(ShardDirectory).ToList();
        var exact = _exact.Values;

        // Accounting: every line read once and routed to exactly one output.
        Assert.Equal(0, Counters.Failed);
        Assert.Equal(corpus.Count + invalidLines.Count, Counters.Input);
        Assert.Equal(Counters.Input, Counters.Kept + Counters.Rejected + Counters.Invalid + Counters.ExactDuplicates + Counters.NearDuplicates);
        Assert.Equal(corpus.Count, kept.Select(d => d.Id).Concat(_rejected.Values.Select(r => r.Id)).Concat(exact.Select(d => d.Id)).Concat(_near.Values.Select(d => d.Id)).Distinct().Count());
        Assert.Equal(invalidLines.Select(l => (l.Line, l.Field)).Order(), _invalid.Values.Select(e => (e.RawLine, e.Field)).Order());

        // Exact duplicates removed in favour of the first copy.
        var planted = corpus.Where(d => d.Label.Category == DocumentCategory.ExactDuplicate).ToList();
        var reported = exact.ToDictionary(d => d.Id);
        Assert.NotEmpty(planted);
        Assert.All(planted, d => Assert.Equal(d.Label.DuplicateOf, reported[d.Label.DocumentId].DuplicateOf));
        Assert.Equal(kept.Count, kept.Select(d => d.Text).Distinct(StringComparer.Ordinal).Count());

        // Planted PII gone, Luhn-invalid decoys kept.
        var keptById = kept.ToDictionary(d => d.Id);
        var withPii = corpus.Where(d => keptById.ContainsKey(d.Document.Id) && !d.Label.PlantedPii.IsEmpty).ToList();
        var allPlanted = corpus.SelectMany(d => d.Label.PlantedPii).Select(p => p.Value).Distinct().ToList();
        Assert.NotEmpty(withPii);
        Assert.All(kept, d => Assert.DoesNotContain(allPlanted, value => d.Text.Contains(value, StringComparison.Ordinal)));
        Assert.All(withPii, d => Assert.All(d.Label.LuhnInvalidDecoys, decoy => Assert.Contains(decoy, keptById[d.Document.Id].Text, StringComparison.Ordinal)));

        // Shards match their manifest and hold exactly the kept documents.
        var verification = ShardReader.Verify(ShardDirectory);
        Assert.True(verification.IsValid, string.Join("; ", verification.Errors));
        Assert.Equal(Counters.Kept, verification.Documents);
        Assert.Equal(Counters.Kept, kept.Count);
    }
}
