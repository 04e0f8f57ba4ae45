using Streamline.Samples.Etl.Dedup;
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
