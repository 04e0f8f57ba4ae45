using System.Text.Json.Serialization;

namespace Streamline.Samples.Etl.Documents;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RawDocumentJson))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
