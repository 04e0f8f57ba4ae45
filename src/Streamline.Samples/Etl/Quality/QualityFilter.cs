using Streamline.Samples.Etl.Quality.Rules;

namespace Streamline.Samples.Etl.Quality;

/// <summary>
/// Runs the rules in order (cheap document-level checks first, repetition checks last) and returns the first
/// rejection. Counters are thread-safe so one filter can be shared by parallel operator instances.
/// </summary>
public sealed class QualityFilter
{
    private readonly long[] _rejections;
    private long _evaluated;

    public QualityFilter(QualitySettings? settings = null)
        : this(CreateRules(settings ?? QualitySettings.Default))
    {
    }

    public QualityFilter(IReadOnlyList<IQualityRule> rules)
    {
        Rules = rules;
        _rejections = new long[rules.Count];
    }

    public IReadOnlyList<IQualityRule> Rules { get; }

    public long Evaluated => Interlocked.Read(ref _evaluated);

    /// <summary>Rejections per rule name, including rules that never fired (zero).</summary>
    public IReadOnlyDictionary<string, long> RejectionCounts =>
        Rules.Select((r, i) => (r.Name, Count: Interlocked.Read(ref _rejections[i]))).ToDictionary(x => x.Name, x => x.Count);

    public static IReadOnlyList<IQualityRule> CreateRules(QualitySettings s)
    {
        var rules = new List<IQualityRule>
        {
            new WordCountRule(s.MinWords, s.MaxWords),
            new MeanWordLengthRule(s.MinMeanWordLength, s.MaxMeanWordLength),
            new SymbolWordRatioRule(s.MaxSymbolWordRatio),
            new BulletLineRatioRule(s.MaxBulletLineRatio),
            new EllipsisLineRatioRule(s.MaxEllipsisLineRatio),
            new AlphabeticWordRatioRule(s.MinAlphabeticWordRatio),
            new StopWordRule(s.StopWords, s.MinStopWords),
            new LineEndPunctuationRule(s.MinLineEndPunctuationRatio),
            new DuplicateLineFractionRule(s.MaxDuplicateLineFraction),
            new DuplicateLineCharFractionRule(s.MaxDuplicateLineCharFraction),
        };
        rules.AddRange(s.TopNGrams.Select(t => new TopNGramCharFractionRule(t.N, t.MaxCharFraction)));
        rules.AddRange(s.DuplicateNGrams.Select(t => new DuplicateNGramCharFractionRule(t.N, t.MaxCharFraction)));
        return rules;
    }

    public Rejection? Evaluate(string text) => Evaluate(QualityDocument.Analyze(text));

    public Rejection? Evaluate(QualityDocument document)
    {
        Interlocked.Increment(ref _evaluated);
        for (var i = 0; i < Rules.Count; i++)
        {
            var rejection = Rules[i].Evaluate(document);
            if (rejection is not null)
            {
                Interlocked.Increment(ref _rejections[i]);
                return rejection;
            }
        }

        return null;
    }
}
