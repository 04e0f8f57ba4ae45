using Streamline.Samples.Etl.Dedup;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Generator;
using Streamline.Samples.Etl.Normalize;
using Streamline.Samples.Etl.Pii;
using Streamline.Samples.Etl.Quality;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Generator;

public sealed class CorpusGeneratorTests
{
    private static readonly IReadOnlyList<GeneratedDocument> Corpus = CorpusGenerator.Generate();
    private static readonly TextNormalizer Normalizer = new();

    private static Dictionary<string, GeneratedDocument> ById => Corpus.ToDictionary(d => d.Document.Id);

    [Fact]
    public void Same_seed_gives_the_same_corpus_and_another_seed_does_not()
    {
        var again = CorpusGenerator.Generate();
        var other = CorpusGenerator.Generate(new CorpusGeneratorSettings { Seed = 99 });

        Assert.Equal(Corpus.Select(d => RawDocumentJsonl.Serialize(d.Document)), again.Select(d => RawDocumentJsonl.Serialize(d.Document)));
        Assert.Equal(Corpus.Select(d => d.Label.ExpectedKept), again.Select(d => d.Label.ExpectedKept));
        Assert.NotEqual(Corpus.Select(d => d.Document.Text), other.Select(d => d.Document.Text));
    }

    [Fact]
    public void Every_category_is_present_with_unique_ids()
    {
        var settings = new CorpusGeneratorSettings();

        Assert.Equal(Corpus.Count, Corpus.Select(d => d.Document.Id).Distinct().Count());
        Assert.All(Enum.GetValues<DocumentCategory>(), c => Assert.Contains(Corpus, d => d.Label.Category == c));
        Assert.Equal(settings.ExactDuplicates, Corpus.Count(d => d.Label.Category == DocumentCategory.ExactDuplicate));
        Assert.Equal(["de", "es", "fr"], Corpus.Where(d => d.Label.Category == DocumentCategory.NonEnglish).Select(d => d.Label.Language).Distinct().Order());
    }

    [Fact]
    public void Documents_expected_to_pass_quality_pass_and_rejects_fail_the_planted_rule()
    {
        var filter = new QualityFilter();
        foreach (var (document, label) in Corpus)
        {
            var rejection = filter.Evaluate(Normalizer.Normalize(document));
            Assert.True(label.ExpectedRejectionRule == rejection?.RuleName, $"{document.Id} ({label.Category}): expected {label.ExpectedRejectionRule ?? "pass"}, got {rejection}");
        }
    }

    [Fact]
    public void Planted_near_duplicates_have_the_stated_jaccard()
    {
        var nearDuplicates = Corpus.Where(d => d.Label.Category == DocumentCategory.NearDuplicate).ToList();

        Assert.Equal(18, nearDuplicates.Count);
        foreach (var (document, label) in nearDuplicates)
        {
            var origin = ById[label.NearDuplicateOf!].Document;
            var measured = Jaccard.Exact(origin.Text, document.Text);
            Assert.Equal(label.NearDuplicateJaccard!.Value, measured, 10);
            Assert.InRange(measured, label.TargetJaccard!.Value - 0.03, label.TargetJaccard.Value + 0.03);
            Assert.Equal(measured < 0.8, label.ExpectedKept);
        }
    }

    [Fact]
    public void Duplicates_follow_their_origin_and_exact_ones_are_identical()
    {
        var position = Corpus.Select((d, i) => (d.Document.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var (document, label) in Corpus.Where(d => d.Label.DuplicateOf is not null || d.Label.NearDuplicateOf is not null))
        {
            var originId = label.DuplicateOf ?? label.NearDuplicateOf!;
            Assert.True(position[originId] < position[document.Id], $"{document.Id} precedes its origin {originId}");
            if (label.DuplicateOf is not null)
            {
                Assert.Equal(ContentHash.Hash128(Normalizer.Normalize(ById[originId].Document)), ContentHash.Hash128(Normalizer.Normalize(document)));
            }
        }
    }

    [Fact]
    public void Distinct_good_documents_are_not_near_duplicates_of_each_other()
    {
        var good = Corpus.Where(d => d.Label.Category == DocumentCategory.Good).Take(30).Select(d => Shingles.Set(d.Document.Text, 5)).ToList();

        for (var i = 0; i < good.Count; i++)
        {
            for (var j = i + 1; j < good.Count; j++)
            {
                Assert.True(Jaccard.Exact(good[i], good[j]) < 0.1);
            }
        }
    }

    [Fact]
    public void Planted_pii_is_all_scrubbed_and_luhn_decoys_survive()
    {
        var scrubber = new PiiScrubber();
        var withPii = Corpus.Where(d => d.Label.PlantedPii.Length > 0).ToList();

        Assert.Contains(withPii, d => d.Label.Category == DocumentCategory.Html);
        Assert.Contains(withPii, d => d.Label.PlantedPii.Any(p => p.Value.Contains('＠')));
        Assert.Contains(withPii, d => d.Label.PlantedPii.Any(p => p.Value.Any(c => c is >= '０' and <= '９')));
        foreach (var (document, label) in withPii)
        {
            var result = scrubber.Scrub(Normalizer.Normalize(document));
            Assert.All(label.PlantedPii, p => Assert.DoesNotContain(p.Value, result.Text, StringComparison.Ordinal));
            Assert.All(label.LuhnInvalidDecoys, decoy => Assert.Contains(decoy, result.Text, StringComparison.Ordinal));
            foreach (var kind in Enum.GetValues<PiiKind>())
            {
                Assert.True(label.PlantedPii.Count(p => p.Kind == kind) == result.CountOf(kind), $"{document.Id}: {kind} in '{result.Text}'");
            }
        }
    }

    [Fact]
    public void Documents_without_planted_pii_have_no_detections()
    {
        var scrubber = new PiiScrubber();

        Assert.All(
            Corpus.Where(d => d.Label.PlantedPii.IsEmpty),
            d => Assert.Equal(0, scrubber.Scrub(Normalizer.Normalize(d.Document)).Total));
    }

    [Fact]
    public void Html_documents_normalize_to_their_expected_text()
    {
        var html = Corpus.Where(d => d.Label.Category == DocumentCategory.Html).ToList();

        Assert.NotEmpty(html);
        Assert.All(html, d => Assert.Equal(d.Label.ExpectedNormalizedText, Normalizer.Normalize(d.Document)));
    }
}
