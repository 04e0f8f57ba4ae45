using System.Globalization;
using System.Text.Json;

namespace Streamline.Samples.Etl.Documents;

/// <summary>
/// JSONL codec for <see cref="RawDocument"/>. <see cref="Parse"/> never throws for bad input: a crawl
/// always contains broken lines and one must not fail the job, so they become <see cref="ValidationError"/>s.
/// </summary>
public static class RawDocumentJsonl
{
    public static ParseResult Parse(string? line)
    {
        line ??= string.Empty;
        if (string.IsNullOrWhiteSpace(line))
        {
            return ParseResult.Invalid("$", "empty line", line);
        }

        RawDocumentJson? dto;
        try
        {
            dto = JsonSerializer.Deserialize(line, DocumentJsonContext.Default.RawDocumentJson);
        }
        catch (JsonException ex)
        {
            // A type mismatch carries the offending property path; plain syntax errors point at "$".
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path.TrimStart('$', '.');
            return ParseResult.Invalid(field, field == "$" ? "malformed JSON" : "wrong JSON type", line);
        }

        if (dto is null)
        {
            return ParseResult.Invalid("$", "not a JSON object", line);
        }

        return Validate(dto, line);
    }

    public static string Serialize(RawDocument document)
    {
        var dto = new RawDocumentJson
        {
            Id = document.Id,
            Url = document.Url,
            Text = document.Text,
            Source = document.Source,
            FetchTime = document.FetchTime.ToString("O", CultureInfo.InvariantCulture),
            ContentType = document.ContentType == ContentType.Html ? "html" : "text",
        };
        return JsonSerializer.Serialize(dto, DocumentJsonContext.Default.RawDocumentJson);
    }

    internal static ParseResult Validate(
        string? id, string? url, string? text, string? source, string? fetchTime, string? contentType, string rawLine) =>
        Validate(
            new RawDocumentJson
            {
                Id = id, Url = url, Text = text, Source = source, FetchTime = fetchTime, ContentType = contentType,
            },
            rawLine);

    private static ParseResult Validate(RawDocumentJson dto, string line)
    {
        if (string.IsNullOrWhiteSpace(dto.Id))
        {
            return ParseResult.Invalid("id", Missing(dto.Id), line);
        }

        if (string.IsNullOrWhiteSpace(dto.Url))
        {
            return ParseResult.Invalid("url", Missing(dto.Url), line);
        }

        if (!Uri.TryCreate(dto.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return ParseResult.Invalid("url", "not an absolute http(s) URL", line);
        }

        if (dto.Text is null)
        {
            return ParseResult.Invalid("text", "missing", line);
        }

        if (string.IsNullOrWhiteSpace(dto.Text))
        {
            return ParseResult.Invalid("text", "blank", line);
        }

        if (string.IsNullOrWhiteSpace(dto.Source))
        {
            return ParseResult.Invalid("source", Missing(dto.Source), line);
        }

        if (string.IsNullOrWhiteSpace(dto.FetchTime))
        {
            return ParseResult.Invalid("fetch_time", Missing(dto.FetchTime), line);
        }

        if (!DateTimeOffset.TryParse(dto.FetchTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var fetchTime))
        {
            return ParseResult.Invalid("fetch_time", "not an ISO-8601 timestamp", line);
        }

        // Absent content_type means plain text: most corpora (e.g. pre-extracted WET files) omit it.
        ContentType contentType;
        switch (dto.ContentType?.Trim().ToLowerInvariant())
        {
            case null or "" or "text" or "text/plain":
                contentType = ContentType.Text;
                break;
            case "html" or "text/html":
                contentType = ContentType.Html;
                break;
            default:
                return ParseResult.Invalid("content_type", "expected 'html' or 'text'", line);
        }

        return ParseResult.Valid(new RawDocument(dto.Id, dto.Url, dto.Text, dto.Source, fetchTime, contentType));
    }

    private static string Missing(string? value) => value is null ? "missing" : "blank";
}
