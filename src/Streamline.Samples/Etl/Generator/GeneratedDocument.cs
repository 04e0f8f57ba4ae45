using Streamline.Samples.Etl.Documents;

namespace Streamline.Samples.Etl.Generator;

public sealed record GeneratedDocument(RawDocument Document, GroundTruthLabel Label);
