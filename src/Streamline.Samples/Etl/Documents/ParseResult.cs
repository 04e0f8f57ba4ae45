using System.Diagnostics.CodeAnalysis;

namespace Streamline.Samples.Etl.Documents;

/// <summary>Either a parsed document or the reason the input was rejected; exactly one is set.</summary>
public readonly record struct ParseResult
{
    private ParseResult(RawDocument? document, ValidationError? error)
    {
        Document = document;
        Error = error;
    }

    public RawDocument? Document { get; }

    public ValidationError? Error { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Document is not null;

    public static ParseResult Valid(RawDocument document) => new(document, null);

    public static ParseResult Invalid(ValidationError error) => new(null, error);

    public static ParseResult Invalid(string field, string reason, string rawLine) =>
        new(null, new ValidationError(field, reason, rawLine));
}
