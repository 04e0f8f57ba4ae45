using System.Collections.Immutable;
using System.Text;
using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Pii;

namespace Streamline.Samples.Etl.Generator;

/// <summary>
/// Deterministic test corpus with planted ground truth: good English prose (plain and HTML), PII of every
/// kind, exact and near duplicates at known Jaccard levels, low-quality pages aimed at specific rules, and
/// non-English pages. Same settings, same corpus, byte for byte. Derived documents (duplicates) always come
/// after their origin, so "first seen wins" dedup keeps the origin.
/// </summary>
public sealed class CorpusGenerator
{
    private const int ShingleSize = 5;

    private readonly CorpusGeneratorSettings _settings;
    private readonly Random _random;
    private readonly EnglishTextGenerator _english;
    private readonly PiiValueGenerator _pii;
    private int _nextId;

    private CorpusGenerator(CorpusGeneratorSettings settings)
    {
        _settings = settings;
        _random = new Random(settings.Seed);
        _english = new EnglishTextGenerator(_random);
        _pii = new PiiValueGenerator(_random);
    }

    public static IReadOnlyList<GeneratedDocument> Generate(CorpusGeneratorSettings? settings = null) =>
        new CorpusGenerator(settings ?? new CorpusGeneratorSettings()).Run();

    private IReadOnlyList<GeneratedDocument> Run()
    {
        var s = _settings;
        var good = Repeat(s.GoodDocuments, Good);
        var originals = new List<GeneratedDocument>(good);
        originals.AddRange(Repeat(s.HtmlDocuments, Html));
        originals.AddRange(Repeat(s.PiiDocuments, WithPii));
        originals.AddRange(Repeat(s.RejectsPerCategory, TooShort));
        originals.AddRange(Repeat(s.RejectsPerCategory, Gibberish));
        originals.AddRange(Repeat(s.RejectsPerCategory, SymbolHeavy));
        originals.AddRange(Repeat(s.RejectsPerCategory, BulletList));
        originals.AddRange(Repeat(s.RejectsPerCategory, EllipsisTeasers));
        originals.AddRange(Repeat(s.RejectsPerCategory, RepeatedLines));
        originals.AddRange(Repeat(s.RejectsPerCategory, KeywordStuffing));
        foreach (var lexicon in ForeignLexicon.All)
        {
            originals.AddRange(Repeat(s.NonEnglishPerLanguage, () => NonEnglish(lexicon)));
        }

        var derived = new List<(GeneratedDocument Document, string OriginId)>();
        for (var i = 0; i < s.ExactDuplicates && good.Count > 0; i++)
        {
            var origin = good[_random.Next(good.Count)];
            derived.Add((ExactDuplicate(origin), origin.Label.DocumentId));
        }

        foreach (var level in s.NearDuplicateJaccards)
        {
            for (var i = 0; i < s.NearDuplicatesPerLevel && good.Count > 0; i++)
            {
                var origin = good[_random.Next(good.Count)];
                derived.Add((NearDuplicate(origin, level), origin.Label.DocumentId));
            }
        }

        var ordered = originals.ToArray();
        _random.Shuffle(ordered);
        var result = ordered.ToList();
        foreach (var (document, originId) in derived)
        {
            var originIndex = result.FindIndex(d => d.Label.DocumentId == originId);
            result.Insert(_random.Next(originIndex + 1, result.Count + 1), document);
        }

        return result;
    }

    private List<GeneratedDocument> Repeat(int count, Func<GeneratedDocument> create)
    {
        var list = new List<GeneratedDocument>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(create());
        }

        return list;
    }

    private GeneratedDocument Good() =>
        Create(_english.Document(_settings.MinWordsPerDocument), ContentType.Text, id => Label(id, DocumentCategory.Good, kept: true));

    private GeneratedDocument Html()
    {
        var title = _english.Title();
        var paragraphs = _english.Paragraphs(_settings.MinWordsPerDocument).ToList();
        string? splitPii = null;
        var planted = ImmutableArray<PlantedPii>.Empty;

        // Every other page hides an e-mail split by inline markup: only visible whole after extraction.
        if (_random.Next(2) == 0)
        {
            var email = _pii.Email();
            var at = email.IndexOf('@', StringComparison.Ordinal);
            var noun = _english.Noun();
            splitPii = $"Write to <span>{email[..at]}</span>@<b>{email[(at + 1)..]}</b> for details about the {noun}.";
            paragraphs.Add($"Write to {email} for details about the {noun}.");
            planted = [new PlantedPii(PiiKind.Email, email)];
        }

        var proseParagraphs = splitPii is null ? paragraphs : paragraphs[..^1];
        var html = HtmlPageBuilder.Build(title, proseParagraphs, splitPii);
        var expected = title + "\n\n" + string.Join("\n\n", paragraphs);
        return Create(html, ContentType.Html, id => Label(id, DocumentCategory.Html, kept: true) with
        {
            ExpectedNormalizedText = expected,
            PlantedPii = planted,
        });
    }

    private GeneratedDocument WithPii()
    {
        var variant = _nextId % 4;
        var planted = new List<PlantedPii>
        {
            new(PiiKind.Email, _pii.Email(fullwidthAt: variant == 1)),
            new(PiiKind.Phone, _pii.Phone(fullwidthDigits: variant == 2)),
            new(PiiKind.IpAddress, _pii.Ipv4()),
            new(PiiKind.IpAddress, _pii.Ipv6()),
            new(PiiKind.CreditCard, _pii.CreditCard()),
        };
        var decoy = _pii.LuhnInvalidCard();
        var sentences = new List<string>
        {
            $"For questions write to {planted[0].Value} and the team will answer.",
            $"You can call {planted[1].Value} to reach the front desk of the museum.",
            $"The server at {planted[2].Value} was restarted after the update.",
            $"The gateway uses the address {planted[3].Value} for the internal network.",
            $"The payment with card {planted[4].Value} was approved by the bank.",
            $"The parcel with tracking code {decoy} arrived at the station.",
        };
        var paragraphs = _english.Paragraphs(_settings.MinWordsPerDocument).ToList();
        foreach (var sentence in sentences)
        {
            var index = _random.Next(paragraphs.Count);
            paragraphs[index] = paragraphs[index] + " " + sentence;
        }

        return Create(string.Join("\n\n", paragraphs), ContentType.Text, id => Label(id, DocumentCategory.Pii, kept: true) with
        {
            PlantedPii = [.. planted],
            LuhnInvalidDecoys = [decoy],
        });
    }

    private GeneratedDocument ExactDuplicate(GeneratedDocument origin) =>
        Create(origin.Document.Text, origin.Document.ContentType, id => Label(id, DocumentCategory.ExactDuplicate, kept: false) with
        {
            DuplicateOf = origin.Label.DocumentId,
        });

    private GeneratedDocument NearDuplicate(GeneratedDocument origin, double level)
    {
        var text = NearDuplicateEditor.Edit(origin.Document.Text, level, _random, ShingleSize, out var achieved);
        return Create(text, ContentType.Text, id => Label(id, DocumentCategory.NearDuplicate, kept: achieved < _settings.DedupJaccardThreshold) with
        {
            NearDuplicateOf = origin.Label.DocumentId,
            NearDuplicateJaccard = achieved,
            TargetJaccard = level,
        });
    }

    private GeneratedDocument TooShort() =>
        Reject(_english.Sentence() + " " + _english.Sentence(), DocumentCategory.TooShort, "word-count");

    private GeneratedDocument Gibberish()
    {
        var lines = new List<string>();
        for (var line = 0; line < 8; line++)
        {
            var words = Enumerable.Range(0, 10).Select(_ => RandomLetters(_random.Next(11, 17)));
            lines.Add(string.Join(' ', words) + ".");
        }

        return Reject(string.Join('\n', lines), DocumentCategory.Gibberish, "mean-word-length");
    }

    private GeneratedDocument SymbolHeavy()
    {
        var lines = Enumerable.Range(0, 8).Select(_ =>
            $"{_english.Sentence()} #{_english.Noun()} #{_english.Adj()} #{_english.Noun()}{_english.Noun()}");
        return Reject(string.Join('\n', lines), DocumentCategory.SymbolHeavy, "symbol-word-ratio");
    }

    private GeneratedDocument BulletList()
    {
        var lines = Enumerable.Range(0, 25).Select(_ =>
            $"• {_english.Adj()} {_english.Noun()} and {_english.Noun()} for the {_english.Noun()}");
        return Reject(string.Join('\n', lines), DocumentCategory.BulletList, "bullet-lines");
    }

    private GeneratedDocument EllipsisTeasers()
    {
        var lines = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            lines.Add(_english.Sentence());
            lines.Add($"The {_english.Adj()} {_english.Noun()} {_english.Verb()} the {_english.Noun()} of the...");
        }

        return Reject(string.Join('\n', lines), DocumentCategory.EllipsisTeasers, "ellipsis-lines");
    }

    private GeneratedDocument RepeatedLines()
    {
        var a = _english.Sentence() + " " + _english.Sentence();
        var b = _english.Sentence() + " " + _english.Sentence();
        var lines = Enumerable.Range(0, 12).Select(i => i % 2 == 0 ? a : b);
        return Reject(string.Join('\n', lines), DocumentCategory.RepeatedLines, "duplicate-lines");
    }

    private GeneratedDocument KeywordStuffing()
    {
        var lines = Enumerable.Range(0, 10).Select(_ =>
            $"{_english.Sentence()} Best price guaranteed, best price today, best price.");
        return Reject(string.Join('\n', lines), DocumentCategory.KeywordStuffing, "top-2gram");
    }

    private GeneratedDocument NonEnglish(ForeignLexicon lexicon)
    {
        var paragraphs = new List<string>();
        for (var p = 0; p < 4; p++)
        {
            var sentences = Enumerable.Range(0, 4).Select(_ => ForeignSentence(lexicon));
            paragraphs.Add(string.Join(' ', sentences));
        }

        var document = Reject(string.Join("\n\n", paragraphs), DocumentCategory.NonEnglish, "stop-words");
        return document with { Label = document.Label with { Language = lexicon.Language } };
    }

    private string ForeignSentence(ForeignLexicon l)
    {
        var words = new[]
        {
            Pick(l.Articles), Pick(l.Adjectives), Pick(l.Nouns), Pick(l.Verbs), Pick(l.Articles), Pick(l.Nouns),
            Pick(l.Prepositions), Pick(l.Articles), Pick(l.Nouns), Pick(l.Conjunctions), Pick(l.Articles),
            Pick(l.Nouns), Pick(l.Verbs), Pick(l.Articles), Pick(l.Adjectives), Pick(l.Nouns),
        };
        var sentence = string.Join(' ', words);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    private GeneratedDocument Reject(string text, DocumentCategory category, string rule) =>
        Create(text, ContentType.Text, id => Label(id, category, kept: false) with { ExpectedRejectionRule = rule });

    private static GroundTruthLabel Label(string id, DocumentCategory category, bool kept) =>
        new() { DocumentId = id, Category = category, ExpectedKept = kept };

    private GeneratedDocument Create(string text, ContentType contentType, Func<string, GroundTruthLabel> label)
    {
        var number = _nextId++;
        var id = $"doc-{number:D6}";
        var document = new RawDocument(
            id,
            $"https://site{number % 97:D2}.example.com/articles/{number}",
            text,
            "synthetic-crawl",
            _settings.StartTime.AddMinutes(number),
            contentType);
        return new GeneratedDocument(document, label(id));
    }

    private string RandomLetters(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append((char)('a' + _random.Next(26)));
        }

        return builder.ToString();
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
