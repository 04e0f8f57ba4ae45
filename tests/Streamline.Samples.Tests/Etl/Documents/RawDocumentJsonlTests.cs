using Streamline.Samples.Etl.Documents;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Documents;

public sealed class RawDocumentJsonlTests
{
    private const string Valid =
        """{"id":"d1","url":"https://example.com/a","text":"Hello world.","source":"crawl","fetch_time":"2024-06-01T10:00:00Z","content_type":"html"}""";

    [Fact]
    public void Parses_a_valid_line()
    {
        var result = RawDocumentJsonl.Parse(Valid);

        Assert.True(result.IsValid);
        Assert.Equal(
            new RawDocument("d1", "https://example.com/a", "Hello world.", "crawl", new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero), ContentType.Html),
            result.Document);
    }

    [Fact]
    public void Serialize_then_parse_round_trips()
    {
        var document = new RawDocument("x", "http://e.org/", "line one\nline \"two\" ü", "s", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), ContentType.Text);

        var result = RawDocumentJsonl.Parse(RawDocumentJsonl.Serialize(document));

        Assert.Equal(document, result.Document);
    }

    [Fact]
    public void Missing_content_type_means_text()
    {
        var line = """{"id":"d1","url":"https://example.com/a","text":"t","source":"s","fetch_time":"2024-06-01T10:00:00Z"}""";

        Assert.Equal(ContentType.Text, RawDocumentJsonl.Parse(line).Document?.ContentType);
    }

    [Theory]
    [InlineData("", "$", "empty line")]
    [InlineData("{not json", "$", "malformed JSON")]
    [InlineData("[1,2]", "$", "malformed JSON")]
    [InlineData("""{"url":"https://e.com","text":"t","source":"s","fetch_time":"2024-06-01T10:00:00Z"}""", "id", "missing")]
    [InlineData("""{"id":"  ","url":"https://e.com","text":"t","source":"s","fetch_time":"2024-06-01T10:00:00Z"}""", "id", "blank")]
    [InlineData("""{"id":42,"url":"https://e.com","text":"t","source":"s","fetch_time":"2024-06-01T10:00:00Z"}""", "id", "wrong JSON type")]
    [InlineData("""{"id":"a","url":"ftp://e.com","text":"t","source":"s","fetch_time":"2024-06-01T10:00:00Z"}""", "url", "not an absolute http(s) URL")]
    [InlineData("""{"id":"a","url":"https://e.com","source":"s","fetch_time":"2024-06-01T10:00:00Z"}""", "text", "missing")]
    [InlineData("""{"id":"a","url":"https://e.com","text":"t","fetch_time":"2024-06-01T10:00:00Z"}""", "source", "missing")]
    [InlineData("""{"id":"a","url":"https://e.com","text":"t","source":"s","fetch_time":"yesterday"}""", "fetch_time", "not an ISO-8601 timestamp")]
    [InlineData("""{"id":"a","url":"https://e.com","text":"t","source":"s","fetch_time":"2024-06-01T10:00:00Z","content_type":"pdf"}""", "content_type", "expected 'html' or 'text'")]
    public void Invalid_lines_become_validation_errors_without_throwing(string line, string field, string reason)
    {
        var result = RawDocumentJsonl.Parse(line);

        Assert.False(result.IsValid);
        Assert.Equal(new ValidationError(field, reason, line), result.Error);
    }

    [Fact]
    public void Null_input_is_an_error_not_an_exception()
    {
        Assert.Equal("$", RawDocumentJsonl.Parse(null).Error?.Field);
    }
}
