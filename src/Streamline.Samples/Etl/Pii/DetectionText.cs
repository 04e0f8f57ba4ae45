using System.Globalization;
using System.Text;

namespace Streamline.Samples.Etl.Pii;

/// <summary>
/// A folded copy of the input for matching: each rune is NFKC-normalized when that yields a single char
/// (fullwidth '＠' → '@', fullwidth and mathematical digits → ASCII) and any decimal digit maps to ASCII.
/// Keeps, for every folded char, the index of its source rune so matches map back to the original text
/// (NFKC of a whole string would shift offsets).
/// </summary>
internal sealed class DetectionText
{
    private readonly int[] _sourceStart;
    private readonly int _sourceLength;

    private DetectionText(string folded, int[] sourceStart, int sourceLength)
    {
        Folded = folded;
        _sourceStart = sourceStart;
        _sourceLength = sourceLength;
    }

    public string Folded { get; }

    public static DetectionText Create(string text)
    {
        var builder = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = 1;
            }

            var folded = Fold(rune, text.AsSpan(index, consumed));
            foreach (var c in folded)
            {
                builder.Append(c);
                starts.Add(index);
            }

            index += consumed;
        }

        return new DetectionText(builder.ToString(), [.. starts], text.Length);
    }

    /// <summary>Maps a folded range to the original range it covers.</summary>
    public (int Start, int End) ToSource(int start, int length)
    {
        var end = start + length;
        var sourceEnd = end < _sourceStart.Length ? _sourceStart[end] : _sourceLength;
        return (_sourceStart[start], sourceEnd);
    }

    private static ReadOnlySpan<char> Fold(Rune rune, ReadOnlySpan<char> original)
    {
        if (rune.IsAscii)
        {
            return original;
        }

        if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
        {
            var value = (int)Rune.GetNumericValue(rune);
            if (value is >= 0 and <= 9)
            {
                return ((char)('0' + value)).ToString();
            }
        }

        var normalized = original.ToString().Normalize(NormalizationForm.FormKC);
        return normalized.Length == 1 ? normalized : original;
    }
}
