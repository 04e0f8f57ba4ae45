using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Records;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Generator;
using Streamline.Samples.Etl.Pipeline;
using Streamline.Samples.Etl.Shards;
using Streamline.Samples.Tests.Support;

namespace Streamline.Samples.Tests.Pipeline;

/// <summary>
/// Runs the training-data pipeline once over a generated corpus with planted ground truth plus a few broken
/// lines, collecting every output, so the end-to-end tests can each check one property of the same run.
/// </summary>
public sealed class EtlRunFixture : IDisposable
{
    /// <summary>Broken lines spliced into the input, with the field validation must blame.</summary>
    public static readonly (int Position, string Line, string Field)[] InvalidLines =
    [
        (3, "{ this is not json", "$"),
        (40, """{"url":"https://a.example.com/x","text":"t","source":"s","fetch_time":"2024-06-01T00:00:00Z"}""", "id"),
        (41, """{"id":"bad-url","url":"ftp://a.example.com/x","text":"t","source":"s","fetch_time":"2024-06-01T00:00:00Z"}""", "url"),
        (90, """{"id":"bad-time","url":"https://a.example.com/x","text":"t","source":"s","fetch_time":"yesterday"}""", "fetch_time"),
        (91, "", "$"),
    ];

    private readonly TempDirectory _directory = new();

    public EtlRunFixture()
    {
        Corpus = CorpusGenerator.Generate(new CorpusGeneratorSettings
        {
            GoodDocuments = 150,
            ExactDuplicates = 20,
            NearDuplicatesPerLevel = 30,
            NearDuplicateJaccards = [0.95, 0.9, 0.85, 0.7, 0.5],
        });
        var lines = Corpus.Select(d => RawDocumentJsonl.Serialize(d.Document)).ToList();
        foreach (var (position, line, _) in InvalidLines)
        {
            lines.Insert(position, line);
        }

        Lines = lines;
        ShardDirectory = _directory.File("shards");

        var p = PipelineBuilder.Create("etl-e2e");
        var streams = TrainingDataPipeline.Build(p.FromCollection(Lines, name: "lines"), EtlPipelineSettings.Default, Counters);
        streams.Kept.To(new ShardSink(ShardDirectory), "shards");
        var invalid = streams.Invalid.ToCollection("invalid-out");
        var rejected = streams.Rejected.ToCollection("rejected-out");
        var exact = streams.ExactDuplicates.ToCollection("exact-duplicates-out");
        var near = streams.NearDuplicates.ToCollection("near-duplicates-out");
        p.DeadLetters().To(new ForEachSink<DeadLetter>(_ => Counters.OnFailed()), "failed");

        var system = ActorSystem.Create("etl-e2e", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        try
        {
            var running = LocalRunner.Run(p.Build(), system);
            running.Completion.WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }

        Invalid = invalid.Values;
        Rejected = rejected.Values;
        ExactDuplicates = exact.Values;
        NearDuplicates = near.Values;
        Kept = [.. ShardReader.ReadAll(ShardDirectory)];
    }

    public IReadOnlyList<GeneratedDocument> Corpus { get; }

    public IReadOnlyList<string> Lines { get; }

    public string ShardDirectory { get; }

    public EtlCounters Counters { get; } = new();

    public IReadOnlyList<ShardDocument> Kept { get; }

    public IReadOnlyList<ValidationError> Invalid { get; }

    public IReadOnlyList<QualityReject> Rejected { get; }

    public IReadOnlyList<ExactDuplicate> ExactDuplicates { get; }

    public IReadOnlyList<NearDuplicate> NearDuplicates { get; }

    public void Dispose() => _directory.Dispose();
}
