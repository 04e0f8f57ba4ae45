using System.Text.Json.Serialization;

namespace Streamline.Samples.Etl.Shards;

[JsonSerializable(typeof(ShardDocument))]
[JsonSerializable(typeof(ShardManifest))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class ShardJsonContext : JsonSerializerContext;
