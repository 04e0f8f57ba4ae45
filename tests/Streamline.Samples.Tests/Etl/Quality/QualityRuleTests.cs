using Streamline.Samples.Etl.Generator;
using Streamline.Samples.Etl.Quality;
using Streamline.Samples.Etl.Quality.Rules;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Quality;

/// <summary>Each rule on a crafted document that must pass and one that must fail, with the measured value checked.</summary>
public sealed class QualityRuleTests
{
    private static readonly string GoodProse = new EnglishTextGenerator(new Random(3)).Document(300);

    private static Rejection? Run(IQualityRule rule, string text) => rule.Evaluate(QualityDocument.Analyze(text));

    private static string Words(int count, string word = "word") => string.Join(' ', Enumerable.Repeat(word, count));

    [Fact]
    public void Every_default_rule_passes_generated_prose()
    {
        foreach (var rule in QualityFilter.CreateRules(QualitySettings.Default))
        {
            Assert.Null(Run(rule, GoodProse));
        }
    }

    [Fact]
    public void Word_count_bounds()
    {
        var rule = new WordCountRule(50, 100);

        Assert.Null(Run(rule, Words(50)));
        Assert.Equal(new Rejection("word-count", 49, 50), Run(rule, Words(49)));
        Assert.Equal(new Rejection("word-count", 101, 100), Run(rule, Words(101)));
    }

    [Fact]
    public void Punctuation_only_tokens_are_not_words()
    {
        Assert.Equal(2, QualityDocument.Analyze("hello -- ... world! ###").Words.Count);
    }

    [Fact]
    public void Mean_word_length_bounds()
    {
        var rule = new MeanWordLengthRule(3, 10);

        Assert.Null(Run(rule, "abcd efgh"));
        Assert.Equal(new Rejection("mean-word-length", 2, 3), Run(rule, "ab cd ef"));
        Assert.Equal(new Rejection("mean-word-length", 12, 10), Run(rule, "abcdefghijkl mnopqrstuvwx"));
    }

    [Fact]
    public void Symbol_to_word_ratio_counts_hashes_and_ellipses()
    {
        var rule = new SymbolWordRatioRule(0.1);

        Assert.Null(Run(rule, Words(20) + " #tag ..."));
        var rejection = Run(rule, Words(7) + " #a #b … ...");
        Assert.Equal("symbol-word-ratio", rejection?.RuleName);
        Assert.Equal(4 / 9.0, rejection!.MeasuredValue, 6);
    }

    [Fact]
    public void Bullet_line_ratio()
    {
        var rule = new BulletLineRatioRule(0.9);
        var bullets = string.Join('\n', Enumerable.Range(0, 9).Select(i => $"• item {i}"));

        Assert.Null(Run(rule, bullets + "\nA closing sentence."));
        Assert.Equal(new Rejection("bullet-lines", 1.0, 0.9), Run(rule, bullets + "\n- dash item"));
    }

    [Fact]
    public void Ellipsis_line_ratio()
    {
        var rule = new EllipsisLineRatioRule(0.3);

        Assert.Null(Run(rule, "One.\nTwo...\nThree.\nFour."));
        Assert.Equal(new Rejection("ellipsis-lines", 0.5, 0.3), Run(rule, "One.\nTwo...\nThree…\nFour."));
    }

    [Fact]
    public void Alphabetic_word_ratio()
    {
        var rule = new AlphabeticWordRatioRule(0.8);

        Assert.Null(Run(rule, "a b c d 1"));
        Assert.Equal(new Rejection("alphabetic-word-ratio", 0.5, 0.8), Run(rule, "a b 1 2"));
    }

    [Fact]
    public void Stop_words_require_two_occurrences()
    {
        var rule = new StopWordRule(QualitySettings.Default.StopWords, 2);

        Assert.Null(Run(rule, "The cat sat with a dog."));
        Assert.Equal(new Rejection("stop-words", 1, 2), Run(rule, "The cat sat on a mat."));
        Assert.Equal(new Rejection("stop-words", 0, 2), Run(rule, "Der Hund und die Katze spielen im Garten."));
    }

    [Fact]
    public void Line_end_punctuation_ratio()
    {
        var rule = new LineEndPunctuationRule(0.5);

        Assert.Null(Run(rule, "Done.\nReally?\nno end"));
        Assert.Equal(new Rejection("line-end-punctuation", 0.25, 0.5), Run(rule, "Done.\nmenu\nlink\nbutton"));
    }

    [Fact]
    public void Duplicate_line_fraction_does_not_count_first_occurrences()
    {
        var rule = new DuplicateLineFractionRule(0.3);

        Assert.Null(Run(rule, "a\nb\nc\na"));
        Assert.Equal(new Rejection("duplicate-lines", 0.5, 0.3), Run(rule, "a\na\nb\nb"));
    }

    [Fact]
    public void Duplicate_line_char_fraction()
    {
        var rule = new DuplicateLineCharFractionRule(0.2);
        var longLine = new string('x', 40);
        var text = $"{longLine}\nshort one\n{longLine}";

        var rejection = Run(rule, text);

        Assert.Equal("duplicate-line-chars", rejection?.RuleName);
        Assert.Equal(40.0 / text.Length, rejection!.MeasuredValue, 6);
        Assert.Null(Run(rule, $"{longLine}\nshort one\nshort one\n{new string('y', 60)}"));
    }

    [Fact]
    public void Top_ngram_char_fraction_uses_the_most_repeated_ngram()
    {
        var rule = new TopNGramCharFractionRule(2, 0.2);
        const string stuffed = "buy cheap buy cheap buy cheap and some other words here";

        var rejection = Run(rule, stuffed);

        Assert.Equal("top-2gram", rejection?.RuleName);
        Assert.Equal(9.0 * 3 / stuffed.Length, rejection!.MeasuredValue, 6);
        Assert.Null(Run(rule, "every word in this sentence is different from the others"));
    }

    [Fact]
    public void Top_ngram_ignores_ngrams_that_occur_once()
    {
        Assert.Null(Run(new TopNGramCharFractionRule(4, 0.1), "alpha beta gamma delta"));
    }

    [Fact]
    public void Duplicate_ngram_char_fraction_counts_repeated_spans_once()
    {
        var rule = new DuplicateNGramCharFractionRule(5, 0.15);
        const string block = "one two three four five";
        var text = $"{block} {block} six seven";

        var rejection = Run(rule, text);

        Assert.Equal("duplicate-5gram", rejection?.RuleName);
        Assert.Equal(19.0 / text.Length, rejection!.MeasuredValue, 6);
        Assert.Null(Run(rule, "one two three four five six seven eight nine ten eleven"));
    }

    [Fact]
    public void Ngram_rules_measure_the_same_values_as_a_string_keyed_reference_on_generated_documents()
    {
        // Threshold -1 makes every evaluation a rejection, so the measured value is always reported.
        foreach (var text in CorpusGenerator.Generate().Take(60).Select(d => d.Document.Text).Append("a b a b a b c d c d c d e"))
        {
            var document = QualityDocument.Analyze(text);
            foreach (var n in new[] { 2, 3, 4 })
            {
                Assert.Equal(ReferenceTopNGram(document, n), new TopNGramCharFractionRule(n, -1).Evaluate(document)!.MeasuredValue, 12);
            }

            foreach (var n in new[] { 5, 6, 7, 8, 9, 10 })
            {
                Assert.Equal(ReferenceDuplicateNGram(document, n), new DuplicateNGramCharFractionRule(n, -1).Evaluate(document)!.MeasuredValue, 12);
            }
        }
    }

    [Fact]
    public void Rule_names_follow_the_ngram_size()
    {
        var names = QualityFilter.CreateRules(QualitySettings.Default).Select(r => r.Name).ToList();

        Assert.Equal(["top-2gram", "top-3gram", "top-4gram"], names.Where(n => n.StartsWith("top-", StringComparison.Ordinal)));
        Assert.Equal(
            ["duplicate-5gram", "duplicate-6gram", "duplicate-7gram", "duplicate-8gram", "duplicate-9gram", "duplicate-10gram"],
            names.Where(n => n.EndsWith("gram", StringComparison.Ordinal) && n.StartsWith("duplicate-", StringComparison.Ordinal)));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    private static string Gram(QualityDocument d, int start, int n) => string.Join(' ', d.LowerWords.Skip(start).Take(n));

    private static double ReferenceTopNGram(QualityDocument d, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var best = 0L;
        for (var i = 0; i + n <= d.LowerWords.Count; i++)
        {
            var gram = Gram(d, i, n);
            var count = counts[gram] = counts.GetValueOrDefault(gram) + 1;
            best = count > 1 ? Math.Max(best, (long)gram.Length * count) : best;
        }

        return best / (double)d.Text.Length;
    }

    private static double ReferenceDuplicateNGram(QualityDocument d, int n)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = 0L;
        for (var i = 0; i + n <= d.LowerWords.Count;)
        {
            var gram = Gram(d, i, n);
            if (seen.Add(gram))
            {
                i++;
            }
            else
            {
                repeated += gram.Length - (n - 1);
                i += n;
            }
        }

        return repeated / (double)d.Text.Length;
    }
}
