using System.Text.RegularExpressions;

namespace Streamline.Samples.Etl.Pii;

/// <summary>
/// Candidate detectors; they run on the ASCII-folded detection text and over-match on purpose: checksum,
/// range and digit-count validation happen in code where they are readable and testable.
/// </summary>
internal static partial class PiiPatterns
{
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}(?![\p{L}\p{N}-])",
        RegexOptions.CultureInvariant)]
    public static partial Regex Email();

    // 13-19 contiguous digits, or 4-digit groups split by one consistent space/dash, or Amex/Diners 4-6-5 / 4-6-4.
    [GeneratedRegex(
        @"(?<![\d.,-])(?:\d{13,19}|\d{4}(?<s>[ -])\d{4}(?:\k<s>\d{4}){1,2}\k<s>\d{1,4}|\d{4}(?<t>[ -])\d{6}\k<t>\d{4,5})(?![\d]|[.,-]\d)",
        RegexOptions.CultureInvariant)]
    public static partial Regex CreditCard();

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}:.])(?:[0-9A-Fa-f]{1,4}|:)?:[0-9A-Fa-f:.]*(?:%[0-9A-Za-z]+)?",
        RegexOptions.CultureInvariant)]
    public static partial Regex Ipv6Candidate();

    [GeneratedRegex(@"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)", RegexOptions.CultureInvariant)]
    public static partial Regex Ipv4();

    // International: + country code then 2-6 groups; NANP: optional +1/1, area code (optionally in parens), exchange, line.
    [GeneratedRegex(
        @"(?<![\w+])(?:\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,5}\)?){2,6}|(?:1[ .-]?)?(?:\([2-9]\d{2}\)|[2-9]\d{2})[ .-]?[2-9]\d{2}[ .-]?\d{4})(?![\w])",
        RegexOptions.CultureInvariant)]
    public static partial Regex Phone();
}
