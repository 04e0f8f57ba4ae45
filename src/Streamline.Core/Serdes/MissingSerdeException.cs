namespace Streamline.Core.Serdes;

/// <summary>Records of a type must cross a process boundary, but the pipeline has no serde for it.</summary>
public sealed class MissingSerdeException(Type type, string usedBy) : Exception(
    $"{usedBy} carries records of type {type.FullName}, which has no serde. Register one on the pipeline, e.g. " +
    $"pipeline.WithSerde(Serdes.Json<{type.Name}>()) or a binary ISerde<{type.Name}> of your own.")
{
    public Type RecordType { get; } = type;
}
