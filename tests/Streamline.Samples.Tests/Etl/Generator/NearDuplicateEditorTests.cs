using Streamline.Samples.Etl.Dedup;
using Streamline.Samples.Etl.Generator;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Generator;

public sealed class NearDuplicateEditorTests
{
    [Theory]
    [InlineData(0.95)]
    [InlineData(0.85)]
    [InlineData(0.7)]
    [InlineData(0.5)]
    [InlineData(0.2)]
    public void Hits_the_target_jaccard(double target)
    {
        var random = new Random(17);
        var text = new EnglishTextGenerator(random).Document(300);

        var edited = NearDuplicateEditor.Edit(text, target, random, 5, out var achieved);

        Assert.Equal(achieved, Jaccard.Exact(text, edited), 10);
        Assert.InRange(achieved, target - 0.03, target + 0.03);
        Assert.Equal(text.Count(c => c == '\n'), edited.Count(c => c == '\n'));
    }
}
