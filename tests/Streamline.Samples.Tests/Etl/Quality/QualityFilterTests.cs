using Akka.Configuration;
using Streamline.Samples.Etl.Quality;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Quality;

public sealed class QualityFilterTests
{
    [Fact]
    public void Defaults_come_from_reference_conf()
    {
        var settings = QualitySettings.Default;

        Assert.Equal(50, settings.MinWords);
        Assert.Equal(100_000, settings.MaxWords);
        Assert.Equal(0.1, settings.MaxSymbolWordRatio);
        Assert.Equal(["the", "be", "to", "of", "and", "that", "have", "with"], settings.StopWords.ToArray());
        Assert.Equal([new NGramThreshold(2, 0.20), new NGramThreshold(3, 0.18), new NGramThreshold(4, 0.16)], settings.TopNGrams.ToArray());
        Assert.Equal(6, settings.DuplicateNGrams.Length);
        Assert.Equal(new NGramThreshold(10, 0.10), settings.DuplicateNGrams[^1]);
    }

    [Fact]
    public void Overrides_fall_back_to_defaults_for_unset_keys()
    {
        var config = ConfigurationFactory.ParseString("streamline.samples.etl.quality.min-words = 5");

        var settings = QualitySettings.FromConfig(config);

        Assert.Equal(5, settings.MinWords);
        Assert.Equal(QualitySettings.Default with { MinWords = 5, StopWords = settings.StopWords, TopNGrams = settings.TopNGrams, DuplicateNGrams = settings.DuplicateNGrams }, settings);
    }

    [Fact]
    public void Mismatched_ngram_lists_are_a_configuration_error()
    {
        var config = ConfigurationFactory.ParseString("streamline.samples.etl.quality.top-ngram-sizes = [2, 3]");

        Assert.Throws<ConfigurationException>(() => QualitySettings.FromConfig(config));
    }

    [Fact]
    public void Returns_the_first_rejection_and_counts_per_rule()
    {
        var filter = new QualityFilter();

        var tooShort = filter.Evaluate("Only a few words here.");
        var nonEnglish = filter.Evaluate(string.Join(' ', Enumerable.Repeat("Der Hund spielt im Garten mit einem Ball.", 10)));

        Assert.Equal("word-count", tooShort?.RuleName);
        Assert.Equal("stop-words", nonEnglish?.RuleName);
        Assert.Equal(2, filter.Evaluated);
        Assert.Equal(1, filter.RejectionCounts["word-count"]);
        Assert.Equal(1, filter.RejectionCounts["stop-words"]);
        Assert.Equal(0, filter.RejectionCounts["duplicate-lines"]);
    }
}
