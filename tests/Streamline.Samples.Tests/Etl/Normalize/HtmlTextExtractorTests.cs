using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Normalize;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Normalize;

public sealed class HtmlTextExtractorTests
{
    private readonly TextNormalizer _normalizer = new();

    [Fact]
    public void Drops_script_style_nav_footer_and_aside()
    {
        const string html = """
            <html><head><style>p { color: red }</style><title>T</title></head><body>
            <nav>Menu entries</nav><script>var secret = 1;</script>
            <p>Visible text.</p>
            <aside>Sidebar</aside><footer>Footer words</footer><noscript>Enable it</noscript>
            </body></html>
            """;

        Assert.Equal("Visible text.", _normalizer.Normalize(html, ContentType.Html));
    }

    [Fact]
    public void Block_elements_become_lines_and_inline_elements_do_not_split_words()
    {
        const string html = "<h1>Title</h1><p>First <b>bold</b>er paragraph.</p><div>Second<br>line</div><ul><li>one</li><li>two</li></ul>";

        Assert.Equal("Title\n\nFirst bolder paragraph.\n\nSecond\nline\n\none\n\ntwo", _normalizer.Normalize(html, ContentType.Html));
    }

    [Fact]
    public void Decodes_entities()
    {
        Assert.Equal("Fish & chips © “quoted”", _normalizer.Normalize("<p>Fish &amp; chips &copy; &ldquo;quoted&rdquo;</p>", ContentType.Html));
    }

    [Fact]
    public void Malformed_html_does_not_throw()
    {
        Assert.Equal("unclosed\n\ntext", _normalizer.Normalize("<p>unclosed<div><b>text", ContentType.Html));
    }

    [Fact]
    public void Plain_text_is_not_parsed_as_html()
    {
        Assert.Equal("a <b> c", _normalizer.Normalize("a <b> c", ContentType.Text));
    }
}
