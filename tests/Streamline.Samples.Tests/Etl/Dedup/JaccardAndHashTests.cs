using System.IO.Hashing;
using System.Text;
using Streamline.Samples.Etl.Dedup;
using Streamline.Samples.Etl.Generator;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Dedup;

public sealed class JaccardAndHashTests
{
    [Fact]
    public void Shingles_ignore_case_and_punctuation()
    {
        Assert.True(Shingles.Set("The cat, sat on the MAT!", 3).SetEquals(["the cat sat", "cat sat on", "sat on the", "on the mat"]));
    }

    [Fact]
    public void Short_text_is_a_single_shingle()
    {
        Assert.Equal(["two words"], Shingles.Set("Two words", 5));
    }

    [Theory]
    [InlineData("The cat, sat on the MAT!  Don't -- stop\n\tnow 42 times", 3)]
    [InlineData("Ça fait déjà 3 ans: Straße, ÉCOLE, 東京 and naïve café… ok", 2)]
    [InlineData("Two words", 5)]
    [InlineData(" ,;  ", 5)]
    public void Shingles_and_their_hashes_match_the_joined_word_definition(string text, int size)
    {
        var words = Shingles.Words(text);
        var expected = words.Count == 0 ? [] : words.Count < size
            ? new HashSet<string> { string.Join(' ', words) }
            : Enumerable.Range(0, words.Count - size + 1).Select(i => string.Join(' ', words.Skip(i).Take(size))).ToHashSet();

        Assert.True(expected.SetEquals(Shingles.Set(text, size)));
        Assert.True(expected.Select(s => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(s))).ToHashSet().SetEquals(Shingles.Hashes(text, size)));
    }

    [Fact]
    public void Shingle_hashes_of_generated_documents_are_the_hashes_of_the_shingle_strings()
    {
        foreach (var document in CorpusGenerator.Generate().Take(40))
        {
            var expected = Shingles.Set(document.Document.Text, 5).Select(s => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(s)));

            Assert.True(expected.ToHashSet().SetEquals(Shingles.Hashes(document.Document.Text, 5)), document.Document.Id);
        }
    }

    [Fact]
    public void Exact_jaccard_is_intersection_over_union()
    {
        var a = new HashSet<string> { "a", "b", "c", "d" };
        var b = new HashSet<string> { "c", "d", "e" };

        Assert.Equal(2.0 / 5.0, Jaccard.Exact(a, b), 10);
        Assert.Equal(1.0, Jaccard.Exact("same words in the same order here", "same words in the same order here"));
        Assert.Equal(0.0, Jaccard.Exact("one two three four five six", "seven eight nine ten eleven twelve"));
    }

    [Fact]
    public void Content_hash_is_stable_and_sensitive()
    {
        Assert.Equal(ContentHash.Hash64("hello"), ContentHash.Hash64("hello"));
        Assert.NotEqual(ContentHash.Hash64("hello"), ContentHash.Hash64("hello."));
        Assert.Equal(ContentHash.Hash128("hello"), ContentHash.Hash128("hello"));
        Assert.Equal(32, ContentHash.Key128("hello").Length);

        // xxHash64("") with seed 0 is a published test vector; it pins the algorithm and seed.
        Assert.Equal(0xEF46DB3751D8E999UL, ContentHash.Hash64(string.Empty));
    }
}
