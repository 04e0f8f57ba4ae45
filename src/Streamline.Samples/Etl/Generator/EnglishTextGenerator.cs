using System.Text;

namespace Streamline.Samples.Etl.Generator;

/// <summary>
/// Seeded English-like prose from a tiny grammar: sentences use the Gopher stop words, end in punctuation and
/// draw content words from a few hundred entries, so documents pass every quality rule and distinct documents
/// share almost no word 5-grams.
/// </summary>
public sealed class EnglishTextGenerator(Random random)
{
    public string Sentence()
    {
        return random.Next(6) switch
        {
            0 => $"The {Adj()} {Noun()} {Verb()} the {Noun()} of the {Adj()} {Noun()}.",
            1 => $"{Pick(Lexicon.Subjects)} {Verb()} a {Adj()} {Noun()} {Pick(Lexicon.Times)} and {Verb()} it {Adv()}.",
            2 => $"A {Noun()} that {Verb()} the {Noun()} was {Adv()} {Verb()} by the {Adj()} {Noun()}.",
            3 => $"{Pick(Lexicon.Subjects)} have {Verb()} the {Adj()} {Noun()} with a {Noun()} from the {Noun()}.",
            4 => $"It is easy to be {Adj()} when the {Noun()} {Verb()} a {Adj()} {Noun()} {Pick(Lexicon.Times)}.",
            _ => $"Nobody knew why the {Adj()} {Noun()} {Adv()} {Verb()} a {Noun()} near the {Noun()}.",
        };
    }

    /// <summary>One line of 3-5 sentences.</summary>
    public string Paragraph()
    {
        var count = random.Next(3, 6);
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(Sentence());
        }

        return builder.ToString();
    }

    public IReadOnlyList<string> Paragraphs(int minWords)
    {
        var paragraphs = new List<string>();
        var words = 0;
        while (words < minWords)
        {
            var paragraph = Paragraph();
            paragraphs.Add(paragraph);
            words += paragraph.Count(c => c == ' ') + 1;
        }

        return paragraphs;
    }

    /// <summary>Paragraphs separated by blank lines, at least <paramref name="minWords"/> words.</summary>
    public string Document(int minWords) => string.Join("\n\n", Paragraphs(minWords));

    public string Title() => $"The {Capitalize(Adj())} {Capitalize(Noun())}";

    public string Noun() => Pick(Lexicon.Nouns);

    public string Adj() => Pick(Lexicon.Adjectives);

    public string Verb() => Pick(Lexicon.Verbs);

    public string Adv() => Pick(Lexicon.Adverbs);

    public string ContentWord() => random.Next(3) switch
    {
        0 => Noun(),
        1 => Adj(),
        _ => Verb(),
    };

    private string Pick(string[] words) => words[random.Next(words.Length)];

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
