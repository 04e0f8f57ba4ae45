using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Streamline.Samples.Etl.Normalize;

/// <summary>
/// HTML to plain text: drops non-content subtrees (scripts, navigation, footers, asides) and maps block
/// elements to line breaks so that later line-based rules see the page's paragraph structure.
/// Inline elements are concatenated without separators, so <c>a&lt;b&gt;b&lt;/b&gt;c</c> reads "abc" (this is
/// what lets PII split across tags be detected after extraction). Not thread-safe: one instance per operator.
/// </summary>
public sealed class HtmlTextExtractor
{
    private static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "nav", "footer", "aside", "noscript", "template", "head", "svg", "iframe", "object",
        "canvas", "button", "select", "form",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    private readonly HtmlParser _parser = new();

    public string Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = _parser.ParseDocument(html);
        var builder = new StringBuilder(html.Length / 2);
        var root = (INode?)document.Body ?? document.DocumentElement;
        if (root is not null)
        {
            Walk(root, builder);
        }

        return builder.ToString();
    }

    private static void Walk(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when DroppedElements.Contains(element.LocalName) || element.HasAttribute("hidden"):
                    break;
                case IElement { LocalName: "br" }:
                    builder.Append('\n');
                    break;
                case IElement element:
                    var isBlock = BlockElements.Contains(element.LocalName);
                    if (isBlock)
                    {
                        builder.Append('\n');
                    }

                    if (element.LocalName == "td" || element.LocalName == "th")
                    {
                        builder.Append(' ');
                    }

                    Walk(element, builder);
                    if (isBlock)
                    {
                        builder.Append('\n');
                    }

                    break;
            }
        }
    }
}
