using System.Globalization;
using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;
using Streamline.Samples.Etl.Documents;

namespace Streamline.Samples.Etl.Ingest;

/// <summary>
/// Reads documents from Parquet files with columns id, url, text, source, fetch_time (string, timestamp or
/// epoch-milliseconds int64) and an optional content_type. One row group is in memory at a time; rows go
/// through the same validation as JSONL lines, and a missing column is a validation error per row, not a throw.
/// </summary>
public static class ParquetDocumentReader
{
    public static async IAsyncEnumerable<IngestRecord> ReadDocumentsAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var schema = reader.Schema;
        long position = 0;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var rows = checked((int)rowGroup.RowCount);
            var ids = await ReadColumnAsync(rowGroup, schema, "id", rows, cancellationToken).ConfigureAwait(false);
            var urls = await ReadColumnAsync(rowGroup, schema, "url", rows, cancellationToken).ConfigureAwait(false);
            var texts = await ReadColumnAsync(rowGroup, schema, "text", rows, cancellationToken).ConfigureAwait(false);
            var sources = await ReadColumnAsync(rowGroup, schema, "source", rows, cancellationToken).ConfigureAwait(false);
            var times = await ReadColumnAsync(rowGroup, schema, "fetch_time", rows, cancellationToken).ConfigureAwait(false);
            var types = await ReadColumnAsync(rowGroup, schema, "content_type", rows, cancellationToken).ConfigureAwait(false);
            for (var row = 0; row < rows; row++, position++)
            {
                var raw = $"{Path.GetFileName(path)}#row{position}";
                yield return new IngestRecord(
                    path,
                    position,
                    RawDocumentJsonl.Validate(ids?[row], urls?[row], texts?[row], sources?[row], times?[row], types?[row], raw));
            }
        }
    }

    // Returns the column as strings (timestamps as ISO-8601), or null when the file has no such column.
    private static async Task<string?[]?> ReadColumnAsync(
        ParquetRowGroupReader rowGroup, ParquetSchema schema, string name, int rows, CancellationToken ct)
    {
        var field = schema.DataFields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (field is null)
        {
            return null;
        }

        // Parquet.Net 6 surfaces UTF-8 byte-array columns as ReadOnlyMemory<char>; the string overload decodes them.
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[rows];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, ct).ConfigureAwait(false);
            return values;
        }

        if (field.ClrType == typeof(DateTime))
        {
            var values = await ReadStructsAsync<DateTime>(rowGroup, field, rows, ct).ConfigureAwait(false);
            return [.. values.Select(v => v is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture) : null)];
        }

        if (field.ClrType == typeof(DateTimeOffset))
        {
            var values = await ReadStructsAsync<DateTimeOffset>(rowGroup, field, rows, ct).ConfigureAwait(false);
            return [.. values.Select(v => v?.ToString("O", CultureInfo.InvariantCulture))];
        }

        if (field.ClrType == typeof(long))
        {
            var values = await ReadStructsAsync<long>(rowGroup, field, rows, ct).ConfigureAwait(false);
            return [.. values.Select(v => v is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("O", CultureInfo.InvariantCulture) : null)];
        }

        throw new NotSupportedException($"Column '{name}' has unsupported type {field.ClrType}.");
    }

    private static async Task<T?[]> ReadStructsAsync<T>(ParquetRowGroupReader rowGroup, DataField field, int rows, CancellationToken ct)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            await rowGroup.ReadAsync(field, nullable.AsMemory(), null, ct).ConfigureAwait(false);
            return nullable;
        }

        var values = new T[rows];
        await rowGroup.ReadAsync(field, values.AsMemory(), null, ct).ConfigureAwait(false);
        return [.. values.Select(v => (T?)v)];
    }
}
