using System.Globalization;
using System.Text;

namespace Streamline.Samples.Etl.Normalize;

/// <summary>
/// Canonical text form: Unicode NFC, LF line endings, no control or zero-width characters, single spaces,
/// trimmed lines and at most one blank line between paragraphs. Idempotent, so it is safe to re-apply.
/// </summary>
public static class TextCleaner
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        var newlines = 0;
        var lineHasText = false;

        for (var i = 0; i < nfc.Length; i++)
        {
            var c = nfc[i];
            if (c == '\r')
            {
                // CRLF and lone CR both become one line break.
                if (i + 1 < nfc.Length && nfc[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085')
            {
                pendingSpace = false;
                if (lineHasText)
                {
                    newlines++;
                    lineHasText = false;
                }
                else if (newlines == 1)
                {
                    newlines = 2;
                }

                continue;
            }

            if (c == '\t' || char.IsWhiteSpace(c))
            {
                pendingSpace = lineHasText;
                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            if (newlines > 0 && builder.Length > 0)
            {
                builder.Append('\n', Math.Min(newlines, 2));
            }

            newlines = 0;
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            lineHasText = true;
        }

        return builder.ToString();
    }

    // Control, format (zero-width, BOM, bidi marks) and unassigned characters carry no text and break matching.
    private static bool IsInvisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control => true,
        UnicodeCategory.Format => true,
        UnicodeCategory.OtherNotAssigned => true,
        _ => c == '\u00AD',
    };
}
