using Streamline.Samples.Etl.Normalize;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Normalize;

public sealed class TextCleanerTests
{
    [Fact]
    public void Composes_to_nfc()
    {
        // "e" + combining acute accent becomes the single code point é.
        Assert.Equal("caf\u00e9", TextCleaner.Clean("cafe\u0301"));
    }

    [Fact]
    public void Collapses_whitespace_and_blank_lines_and_trims_lines()
    {
        var input = "  a \t b\u00a0 c  \r\n\r\n\r\n\n  d\re  \n\n";

        Assert.Equal("a b c\n\nd\ne", TextCleaner.Clean(input));
    }

    [Fact]
    public void Removes_control_and_zero_width_characters()
    {
        Assert.Equal("abcdef", TextCleaner.Clean("a\u0000b\u200bc\ufeffd\u0007e\u00adf"));
    }

    [Fact]
    public void Is_idempotent()
    {
        var once = TextCleaner.Clean(" x \n\n\n y\t z ");

        Assert.Equal(once, TextCleaner.Clean(once));
    }
}
