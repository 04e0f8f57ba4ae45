using Streamline.Core.Dsl;
using Streamline.Core.Sinks;
using Streamline.Core.Sources;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Generator;
using Streamline.Samples.Etl.Pipeline;
using Streamline.Samples.Etl.Shards;
using Streamline.Testing;
using Xunit;

namespace Streamline.Samples.Tests.Pipeline;

/// <summary>The dedup stages under the test driver: first wins, one verdict per document, state released.</summary>
public sealed class NearDedupOrderTests
{
    // One good generated document: passes every quality rule.
    private static readonly string Original = CorpusGenerator.Generate(new CorpusGeneratorSettings
    {
        GoodDocuments = 1, HtmlDocuments = 0, PiiDocuments = 0, ExactDuplicates = 0, NearDuplicatesPerLevel = 0,
        RejectsPerCategory = 0, NonEnglishPerLanguage = 0,
    })[0].Document.Text;

    [Fact]
    public void The_first_document_wins_and_later_copies_are_reported_against_it()
    {
        using var driver = new PipelineTestDriver(Define());
        var lines = driver.Input<string>("lines");

        // One word changed near the end: a near-duplicate far above 0.8, not an exact one.
        var edited = Original[..Original.LastIndexOf(' ')] + " zebra.";
        lines.Push(Line("a", Original), 0).Push(Line("b", edited), 1).Push(Line("c", Original), 2);

        Assert.Equal(["a"], driver.Output<ShardDocument>("kept").ReadValues().Select(d => d.Id));
        var near = Assert.Single(driver.Output<NearDuplicate>("near").ReadValues());
        Assert.Equal(("b", "a"), (near.Id, near.DuplicateOf));
        var exact = Assert.Single(driver.Output<ExactDuplicate>("exact").ReadValues());
        Assert.Equal(("c", "a"), (exact.Id, exact.DuplicateOf));

        // The verdict stage keeps nothing once a document's verdict is out.
        Assert.Equal(0, driver.StateEntries("near-dedup-verdict"));
    }

    private static Core.Graph.PipelineDefinition Define()
    {
        var p = PipelineBuilder.Create("near-dedup-order");
        var streams = TrainingDataPipeline.Build(p.Source(new CollectionSource<string>([]), "lines"), EtlPipelineSettings.Default, new EtlCounters());
        streams.Kept.To(new CollectionSink<ShardDocument>(), "kept");
        streams.NearDuplicates.To(new CollectionSink<NearDuplicate>(), "near");
        streams.ExactDuplicates.To(new CollectionSink<ExactDuplicate>(), "exact");
        return p.Build();
    }

    private static string Line(string id, string text) =>
        RawDocumentJsonl.Serialize(new RawDocument(id, $"https://example.com/{id}", text, "test", DateTimeOffset.UnixEpoch, ContentType.Text));
}
