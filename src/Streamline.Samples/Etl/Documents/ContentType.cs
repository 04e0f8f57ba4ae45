namespace Streamline.Samples.Etl.Documents;

/// <summary>How a document's text is encoded; HTML goes through the extractor before any text rule.</summary>
public enum ContentType
{
    Text,
    Html,
}
