using Streamline.Samples.Etl.Documents;

namespace Streamline.Samples.Etl.Ingest;

/// <summary>
/// A parsed input record with its position (file and 0-based line/row), the offset a checkpointed file
/// source stores to resume after a restart.
/// </summary>
public sealed record IngestRecord(string File, long Position, ParseResult Result);
