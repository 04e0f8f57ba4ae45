using Streamline.Samples.Etl.Pii;

namespace Streamline.Samples.Etl.Generator;

/// <summary>A PII value the generator put into a document, exactly as it appears in the text.</summary>
public sealed record PlantedPii(PiiKind Kind, string Value);
