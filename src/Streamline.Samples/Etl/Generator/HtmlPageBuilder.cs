using System.Net;
using System.Text;

namespace Streamline.Samples.Etl.Generator;

/// <summary>Wraps prose in a realistic page: head, nav, cookie banner, breadcrumb menu, share buttons, aside, footer, script.</summary>
internal static class HtmlPageBuilder
{
    public static string Build(string title, IReadOnlyList<string> paragraphs, string? rawHtmlParagraph)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><title>").Append(Encode(title)).Append("</title>")
            .Append("<style>body { font-family: serif; }</style></head><body>")
            .Append("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li><li><a href=\"/about\">About</a></li></ul></nav>")
            .Append("<div class=\"banner\">This site uses cookies to improve your experience. <button>Accept all cookies</button></div>")
            .Append("<main><div class=\"crumbs\">Home | Travel | Stories</div>")
            .Append("<div class=\"share\">Share this article</div>")
            .Append("<h1>").Append(Encode(title)).Append("</h1>");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
        }

        if (rawHtmlParagraph is not null)
        {
            html.Append("<p>").Append(rawHtmlParagraph).Append("</p>\n");
        }

        html.Append("<div class=\"share\">Share this article</div></main>")
            .Append("<aside><h3>Related</h3><a href=\"/a\">Other stories</a></aside>")
            .Append("<footer><p>© 2024 Example Media. All rights reserved.</p><a href=\"/privacy\">Privacy policy</a></footer>")
            .Append("<script>window.dataLayer = []; function track() { return 1; }</script></body></html>");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
