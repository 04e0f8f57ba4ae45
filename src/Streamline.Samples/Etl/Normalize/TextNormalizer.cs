using Streamline.Samples.Etl.Documents;

namespace Streamline.Samples.Etl.Normalize;

/// <summary>
/// The normalization stage: HTML extraction (for HTML documents), cleanup, boilerplate removal. Quality,
/// PII and dedup all run on its output, so they see the same canonical text.
/// </summary>
public sealed class TextNormalizer
{
    private readonly HtmlTextExtractor _html = new();
    private readonly BoilerplateRemover _boilerplate;

    public TextNormalizer(BoilerplateSettings? settings = null) => _boilerplate = new BoilerplateRemover(settings);

    public string Normalize(string text, ContentType contentType)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = contentType == ContentType.Html ? _html.Extract(text) : text;
        return _boilerplate.Remove(TextCleaner.Clean(plain));
    }

    public string Normalize(RawDocument document) => Normalize(document.Text, document.ContentType);
}
