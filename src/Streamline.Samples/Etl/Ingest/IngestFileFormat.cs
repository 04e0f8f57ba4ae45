namespace Streamline.Samples.Etl.Ingest;

public enum IngestFileFormat
{
    Unknown,
    Jsonl,
    JsonlGzip,
    JsonlZstd,
    Parquet,
}
