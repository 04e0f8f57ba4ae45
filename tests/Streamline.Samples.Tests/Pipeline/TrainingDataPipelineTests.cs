using Streamline.Samples.Etl.Dedup;
using Streamline.Samples.Etl.Generator;
using Streamline.Samples.Etl.Normalize;
using Streamline.Samples.Etl.Pii;
using Streamline.Samples.Etl.Shards;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.Samples.Tests.Pipeline;

/// <summary>End to end over a generated corpus: each test checks one promise of the pipeline against ground truth.</summary>
public sealed class TrainingDataPipelineTests(EtlRunFixture run, ITestOutputHelper output) : IClassFixture<EtlRunFixture>
{
    private const double Threshold = 0.8;

    [Fact]
    public void Every_input_line_ends_in_exactly_one_output()
    {
        var ids = new[]
        {
            run.Kept.Select(d => d.Id),
            run.Rejected.Select(r => r.Id),
            run.ExactDuplicates.Select(d => d.Id),
            run.NearDuplicates.Select(d => d.Id),
        };

        Assert.Equal(run.Lines.Count, ids.Sum(s => s.Count()) + run.Invalid.Count);
        Assert.Equal(run.Corpus.Count, ids.SelectMany(s => s).Distinct().Count());
        Assert.Equal(0, run.Counters.Failed);
        Assert.Equal(run.Lines.Count, run.Counters.Input);
        Assert.Equal(run.Kept.Count, run.Counters.Kept);
        Assert.Equal(run.Rejected.Count, run.Counters.Rejected);
        Assert.Equal(run.Invalid.Count, run.Counters.Invalid);
        Assert.Equal(run.ExactDuplicates.Count, run.Counters.ExactDuplicates);
        Assert.Equal(run.NearDuplicates.Count, run.Counters.NearDuplicates);
    }

    [Fact]
    public void Invalid_lines_are_reported_with_the_field_at_fault()
    {
        Assert.Equal(
            EtlRunFixture.InvalidLines.Select(l => (l.Line, l.Field)).Order(),
            run.Invalid.Select(e => (e.RawLine, e.Field)).Order());
    }

    [Fact]
    public void Low_quality_documents_are_rejected_by_the_planted_rule_with_the_measured_value()
    {
        var rejected = run.Rejected.ToDictionary(r => r.Id);
        var planted = run.Corpus.Where(d => d.Label.ExpectedRejectionRule is not null).ToList();

        Assert.NotEmpty(planted);
        Assert.All(planted, d => Assert.Equal(d.Label.ExpectedRejectionRule, rejected[d.Label.DocumentId].Rejection.RuleName));
        Assert.Equal(planted.Count, rejected.Count);
        Assert.Equal(planted.Count, run.Counters.RejectedByRule.Values.Sum());
    }

    [Fact]
    public void Every_exact_duplicate_is_removed_in_favour_of_the_first_copy()
    {
        var planted = run.Corpus.Where(d => d.Label.Category == DocumentCategory.ExactDuplicate).ToList();
        var reported = run.ExactDuplicates.ToDictionary(d => d.Id);

        Assert.Equal(20, planted.Count);
        Assert.All(planted, d => Assert.Equal(d.Label.DuplicateOf, reported[d.Label.DocumentId].DuplicateOf));
        Assert.Equal(run.Kept.Count, run.Kept.Select(d => d.Text).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Near_duplicates_are_removed_with_high_recall_and_few_false_positives_against_exact_jaccard()
    {
        // What reached near-dedup, in input order, with the text the pipeline compared (normalized, scrubbed).
        var order = run.Corpus.Select((d, i) => (d.Document.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var normalizer = new TextNormalizer();
        var scrubber = new PiiScrubber();
        var byId = run.Corpus.ToDictionary(d => d.Document.Id);
        var candidates = run.Kept.Select(d => d.Id).Concat(run.NearDuplicates.Select(d => d.Id))
            .OrderBy(id => order[id])
            .Select(id => (Id: id, Shingles: Shingles.Set(scrubber.Scrub(normalizer.Normalize(byId[id].Document)).Text, 5)))
            .ToList();
        var truth = new HashSet<string>();
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var j = 0; j < i && !truth.Contains(candidates[i].Id); j++)
            {
                if (Jaccard.Exact(candidates[i].Shingles, candidates[j].Shingles) >= Threshold)
                {
                    truth.Add(candidates[i].Id);
                }
            }
        }

        var predicted = run.NearDuplicates.Select(d => d.Id).ToHashSet();
        var recall = truth.Count(predicted.Contains) / (double)truth.Count;
        var falsePositiveRate = predicted.Count(id => !truth.Contains(id)) / (double)(candidates.Count - truth.Count);

        output.WriteLine($"near-duplicates: truth {truth.Count}, predicted {predicted.Count}, recall {recall:P1}, false-positive rate {falsePositiveRate:P2} of {candidates.Count - truth.Count}");
        Assert.True(truth.Count >= 80, $"the corpus should plant enough near-duplicates to measure recall; found {truth.Count}");
        Assert.True(recall >= 0.95, $"recall {recall:P1} ({truth.Count(predicted.Contains)}/{truth.Count})");
        Assert.True(falsePositiveRate <= 0.01, $"false-positive rate {falsePositiveRate:P2}");
        Assert.All(run.NearDuplicates, d => Assert.True(d.DuplicateSequence < d.Sequence && d.EstimatedJaccard >= Threshold, d.ToString()));
    }

    [Fact]
    public void All_planted_pii_is_removed_and_luhn_invalid_decoys_stay()
    {
        var kept = run.Kept.ToDictionary(d => d.Id);
        var withPii = run.Corpus.Where(d => kept.ContainsKey(d.Document.Id) && !d.Label.PlantedPii.IsEmpty).ToList();
        var allPlanted = run.Corpus.SelectMany(d => d.Label.PlantedPii).Select(p => p.Value).Distinct().ToList();

        Assert.True(withPii.Count >= 12, $"expected the PII and HTML documents among the kept ones, found {withPii.Count}");
        Assert.All(run.Kept, d => Assert.DoesNotContain(allPlanted, value => d.Text.Contains(value, StringComparison.Ordinal)));
        Assert.All(withPii, d => Assert.All(d.Label.LuhnInvalidDecoys, decoy => Assert.Contains(decoy, kept[d.Document.Id].Text, StringComparison.Ordinal)));
        Assert.All(Enum.GetValues<PiiKind>(), kind => Assert.True(run.Counters.PiiByKind[kind] > 0, $"no {kind} counted"));
    }

    [Fact]
    public void Every_shard_matches_its_manifest_and_holds_exactly_the_kept_documents()
    {
        var verification = ShardReader.Verify(run.ShardDirectory);

        Assert.True(verification.IsValid, string.Join("; ", verification.Errors));
        Assert.Equal(run.Counters.Kept, verification.Documents);
        Assert.Equal(run.Counters.TokensKept, verification.Tokens);
        Assert.All(run.Kept, d => Assert.True(d.Tokens > 0));
        Assert.Empty(Directory.EnumerateFiles(run.ShardDirectory, "*" + ShardWriter.InProgressSuffix));
    }
}
