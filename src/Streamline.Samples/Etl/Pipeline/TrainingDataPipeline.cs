using Streamline.Core.Dsl;
using Streamline.Samples.Etl.Dedup;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Normalize;
using Streamline.Samples.Etl.Pii;
using Streamline.Samples.Etl.Quality;
using Streamline.Samples.Etl.Shards;
using Streamline.Samples.Etl.Tokenize;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// LLM training-data preparation on a stream of JSONL lines (files now, Kafka later):
/// <code>
/// parse ─┬─ invalid ──────────────────────────────────────────────────────────▶ Invalid
///        └─ normalize ─ quality ─┬─ rejected ─────────────────────────────────▶ Rejected
///                                └─ pii-scrub ─ keyBy(content hash) exact-dedup ─┬─ duplicates ──▶ ExactDuplicates
///                                                                               └─ minhash ─┬─ lsh-bands ─ keyBy(band) near-dedup-bands ─┐
///                                                                                           └─ near-dedup-documents ───────────────── union
///                                   keyBy(sequence) near-dedup-verdict ─┬─ near-duplicates ──────────────────▶ NearDuplicates
///                                                                        └─ tokenize ────────────────────────▶ Kept
/// </code>
/// Map and Filter have no side outputs, so each two-way split is a fan-out into two filters; the keyed stages
/// use Process side outputs. Counters are updated where records are routed.
/// </summary>
public static class TrainingDataPipeline
{
    public static TrainingDataStreams Build(DataStream<string> lines, EtlPipelineSettings settings, EtlCounters counters)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(counters);
        settings.Validate();
        var normalizer = new TextNormalizer(settings.Boilerplate);
        var quality = new QualityFilter(settings.Quality);
        var scrubber = new PiiScrubber();
        var hasher = new MinHasher(settings.MinHash);
        var tokenizer = TokenCounter.Shared;

        // The position in the input: deterministic for one reader, the order "first wins" refers to.
        var sequence = -1L;
        var parsed = lines.Map(line =>
        {
            counters.OnInput(line);
            return (Sequence: Interlocked.Increment(ref sequence), Result: RawDocumentJsonl.Parse(line));
        }).Named("parse");

        var invalid = parsed.Filter(p => !p.Result.IsValid).Named("parse-failed")
            .Map(p =>
            {
                counters.OnInvalid();
                return p.Result.Error!;
            }).Named("invalid-lines");

        var judged = parsed.Filter(p => p.Result.IsValid).Named("parse-ok")
            .Map(p => ToDocument(p.Sequence, p.Result.Document!, normalizer)).Named("normalize")
            .Map(d => (Document: d, Rejection: quality.Evaluate(d.Text))).Named("quality");

        var rejected = judged.Filter(j => j.Rejection is not null).Named("quality-rejected")
            .Map(j =>
            {
                counters.OnRejected(j.Rejection!.RuleName);
                return new QualityReject(j.Document.Sequence, j.Document.Id, j.Document.Url, j.Rejection);
            }).Named("quality-rejects");

        var unique = judged.Filter(j => j.Rejection is null).Named("quality-passed")
            .Map(j =>
            {
                var scrubbed = scrubber.Scrub(j.Document.Text);
                counters.OnPii(scrubbed.Counts);
                return j.Document with { Text = scrubbed.Text };
            }).Named("pii-scrub")
            .KeyBy(d => ContentHash.Key128(d.Text))
            .Process(new ExactDedupFunction(), ExactDedupFunction.Duplicates).Named("exact-dedup");

        var exactDuplicates = unique.SideOutput(ExactDedupFunction.Duplicates)
            .Map(d =>
            {
                counters.OnExactDuplicate();
                return d;
            }).Named("exact-duplicates");

        var (kept, nearDuplicates) = NearDedup(unique, settings, hasher, counters);

        var shardDocuments = kept
            .Map(d =>
            {
                var tokens = tokenizer.Count(d.Text);
                counters.OnKept(tokens);
                return new ShardDocument(d.Id, d.Url, d.Source, d.Text, tokens);
            }).Named("tokenize");

        return new TrainingDataStreams(shardDocuments, invalid, rejected, exactDuplicates, nearDuplicates);
    }

    /// <summary>
    /// MinHash/LSH near-dup removal with one verdict per document: each document fans out to its band keys,
    /// each band bucket reports the earliest similar earlier document, and a stage keyed by the document's
    /// sequence joins the document with its band verdicts.
    /// </summary>
    private static (DataStream<PipelineDocument> Kept, DataStream<NearDuplicate> NearDuplicates) NearDedup(
        DataStream<PipelineDocument> documents, EtlPipelineSettings settings, MinHasher hasher, EtlCounters counters)
    {
        var signed = documents.Map(d => (Document: d, Signature: hasher.Signature(d.Text))).Named("minhash");

        var bandVerdicts = signed
            .FlatMap<LshBandEntry>((s, output) =>
            {
                foreach (var key in hasher.BandKeys(s.Signature))
                {
                    output.Collect(new LshBandEntry(unchecked((long)key.ToUInt64()), key.Band, s.Document.Sequence, s.Document.Id, s.Signature));
                }
            }).Named("lsh-bands")
            .KeyBy(e => e.BandKey)
            .Process(new LshBandFunction(settings.MinHash.JaccardThreshold, settings.MaxSignaturesPerBand)).Named("near-dedup-bands");

        var verdicts = signed.Map(s => NearDupEvent.ForDocument(s.Document)).Named("near-dedup-documents")
            .Union(bandVerdicts).Named("near-dedup-join")
            .KeyBy(e => e.Sequence)
            .Process(new NearDupVerdictFunction(settings.MinHash.Bands), NearDupVerdictFunction.NearDuplicates).Named("near-dedup-verdict");

        var nearDuplicates = verdicts.SideOutput(NearDupVerdictFunction.NearDuplicates)
            .Map(d =>
            {
                counters.OnNearDuplicate();
                return d;
            }).Named("near-duplicates");
        return (verdicts, nearDuplicates);
    }

    private static PipelineDocument ToDocument(long sequence, RawDocument raw, TextNormalizer normalizer) =>
        new(sequence, raw.Id, raw.Url, raw.Source, raw.FetchTime, normalizer.Normalize(raw));
}
