using Streamline.Samples.Etl.Documents;
using Streamline.Samples.Etl.Normalize;
using Streamline.Samples.Etl.Pii;
using Xunit;

namespace Streamline.Samples.Tests.Etl.Pii;

public sealed class PiiScrubberTests
{
    private readonly PiiScrubber _scrubber = new();

    [Theory]
    [InlineData("Mail jane.doe+news@mail.example.org today.", "Mail <EMAIL> today.", PiiKind.Email)]
    [InlineData("Call (415) 555-0134 now.", "Call <PHONE> now.", PiiKind.Phone)]
    [InlineData("Call 415-555-0134 now.", "Call <PHONE> now.", PiiKind.Phone)]
    [InlineData("Call 415.555.0134 now.", "Call <PHONE> now.", PiiKind.Phone)]
    [InlineData("Call +1 415 555 0134 now.", "Call <PHONE> now.", PiiKind.Phone)]
    [InlineData("Ring +44 20 7946 0958 please.", "Ring <PHONE> please.", PiiKind.Phone)]
    [InlineData("Ring +33 1 23 45 67 89 please.", "Ring <PHONE> please.", PiiKind.Phone)]
    [InlineData("Host 192.168.1.20 is down.", "Host <IP_ADDRESS> is down.", PiiKind.IpAddress)]
    [InlineData("Host 2001:0db8:85a3:0000:0000:8a2e:0370:7334 is down.", "Host <IP_ADDRESS> is down.", PiiKind.IpAddress)]
    [InlineData("Card 4111 1111 1111 1111 was used.", "Card <CREDIT_CARD> was used.", PiiKind.CreditCard)]
    [InlineData("Card 4111-1111-1111-1111 was used.", "Card <CREDIT_CARD> was used.", PiiKind.CreditCard)]
    [InlineData("Card 4111111111111111 was used.", "Card <CREDIT_CARD> was used.", PiiKind.CreditCard)]
    [InlineData("Card 3782 822463 10005 was used.", "Card <CREDIT_CARD> was used.", PiiKind.CreditCard)]
    public void Replaces_each_kind_with_its_placeholder(string input, string expected, PiiKind kind)
    {
        var result = _scrubber.Scrub(input);

        Assert.Equal(expected, result.Text);
        Assert.Equal(1, result.CountOf(kind));
        Assert.Equal(1, result.Total);
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("2001:db8::8a2e:370:7334")]
    [InlineData("::ffff:192.0.2.128")]
    [InlineData("2001:db8:0:0:1::1")]
    [InlineData("fe80::1ff:fe23:4567:890a%eth0")]
    public void Detects_compressed_ipv6_forms(string address)
    {
        var result = _scrubber.Scrub($"Route via {address}. Then stop.");

        Assert.Equal("Route via <IP_ADDRESS>. Then stop.", result.Text);
        Assert.Equal(1, result.CountOf(PiiKind.IpAddress));
    }

    [Theory]
    [InlineData("Card 4111 1111 1111 1112 was used.")]
    [InlineData("Order 1234567890123456 shipped.")]
    [InlineData("Ref 3782-822463-10006 noted.")]
    public void Leaves_card_like_numbers_failing_luhn_untouched(string text)
    {
        var result = _scrubber.Scrub(text);

        Assert.Equal(text, result.Text);
        Assert.Equal(0, result.Total);
    }

    [Theory]
    [InlineData("Version 1.2.3 released at 10:30 on 2024-06-01.")]
    [InlineData("In C++ write std::vector<int> and a::b.")]
    [InlineData("The value 999.1.1.1 is not an address, nor is 256.1.1.1.")]
    [InlineData("MAC 00:1A:2B:3C:4D:5E is hardware, not IP.")]
    [InlineData("Call extension 1234 or room 555.")]
    [InlineData("Population 12345678 in 2023.")]
    public void Leaves_lookalike_non_pii_alone(string text)
    {
        Assert.Equal(text, _scrubber.Scrub(text).Text);
    }

    [Fact]
    public void Detects_fullwidth_at_sign_and_fullwidth_digits()
    {
        var result = _scrubber.Scrub("Write to ｊａｎｅ＠example.com or call （４１５） ５５５－０１３４ today.");

        Assert.Equal("Write to <EMAIL> or call <PHONE> today.", result.Text);
        Assert.Equal(1, result.CountOf(PiiKind.Email));
        Assert.Equal(1, result.CountOf(PiiKind.Phone));
    }

    [Fact]
    public void Detects_other_script_digits_and_mathematical_digits()
    {
        // Arabic-Indic digits and surrogate-pair mathematical digits: the offsets must still map back.
        var result = _scrubber.Scrub("IP ١٩٢.١٦٨.٠.١ and card 𝟒𝟏𝟏𝟏 1111 1111 1111 end.");

        Assert.Equal("IP <IP_ADDRESS> and card <CREDIT_CARD> end.", result.Text);
    }

    [Fact]
    public void Counts_every_occurrence()
    {
        var result = _scrubber.Scrub("a@example.com, b@example.com, 10.0.0.1 and 10.0.0.2, 4111111111111111.");

        Assert.Equal("<EMAIL>, <EMAIL>, <IP_ADDRESS> and <IP_ADDRESS>, <CREDIT_CARD>.", result.Text);
        Assert.Equal(2, result.CountOf(PiiKind.Email));
        Assert.Equal(2, result.CountOf(PiiKind.IpAddress));
        Assert.Equal(1, result.CountOf(PiiKind.CreditCard));
    }

    [Fact]
    public void Digits_inside_an_email_are_not_a_phone_number()
    {
        Assert.Equal("Mail <EMAIL> now.", _scrubber.Scrub("Mail user4155550134@example.com now.").Text);
    }

    [Fact]
    public void Pii_split_by_markup_is_caught_only_after_html_normalization()
    {
        const string html = "<p>Contact <span>jane.doe</span>@<b>example.org</b> or <i>415</i>-555-<i>0134</i>.</p>";

        var onRawHtml = _scrubber.Scrub(html);
        var afterNormalization = _scrubber.Scrub(new TextNormalizer().Normalize(html, ContentType.Html));

        Assert.Equal(0, onRawHtml.CountOf(PiiKind.Email));
        Assert.Equal(0, onRawHtml.CountOf(PiiKind.Phone));
        Assert.Equal("Contact <EMAIL> or <PHONE>.", afterNormalization.Text);
    }

    [Fact]
    public void Text_without_pii_is_returned_unchanged()
    {
        const string text = "Nothing to see here, just 42 apples and 7 pears.";

        var result = _scrubber.Scrub(text);

        Assert.Same(text, result.Text);
        Assert.Empty(result.Counts);
    }
}
