namespace Streamline.Samples.Etl.Documents;

/// <summary>Why an input line was not a valid document; <see cref="RawLine"/> is kept for a dead-letter output.</summary>
public sealed record ValidationError(string Field, string Reason, string RawLine);
