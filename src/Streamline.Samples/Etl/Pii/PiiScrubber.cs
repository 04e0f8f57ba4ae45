using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Streamline.Samples.Etl.Pii;

/// <summary>
/// Replaces e-mail addresses, phone numbers, IPv4/IPv6 addresses and Luhn-valid card numbers with typed
/// placeholders. Run it after HTML normalization: markup can split a value ("a&lt;b&gt;@&lt;/b&gt;b.com") so that
/// only the extracted text shows it whole. Detection runs on an NFKC/digit-folded copy so look-alike
/// characters (fullwidth '＠', fullwidth digits) are caught, while replacement edits the original text.
/// Thread-safe and stateless.
/// </summary>
public sealed class PiiScrubber
{
    public const string EmailPlaceholder = "<EMAIL>";
    public const string PhonePlaceholder = "<PHONE>";
    public const string IpAddressPlaceholder = "<IP_ADDRESS>";
    public const string CreditCardPlaceholder = "<CREDIT_CARD>";

    public static string Placeholder(PiiKind kind) => kind switch
    {
        PiiKind.Email => EmailPlaceholder,
        PiiKind.Phone => PhonePlaceholder,
        PiiKind.IpAddress => IpAddressPlaceholder,
        PiiKind.CreditCard => CreditCardPlaceholder,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public PiiScrubResult Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var detection = DetectionText.Create(text);
        var folded = detection.Folded;
        var spans = new List<(int Start, int Length, PiiKind Kind)>();

        // Order matters: more specific shapes claim their characters first (an e-mail can contain digits
        // that look like a phone number; a card number would otherwise be read as two phone numbers).
        Collect(PiiPatterns.Email(), PiiKind.Email, _ => true);
        Collect(PiiPatterns.CreditCard(), PiiKind.CreditCard, IsCardNumber);
        Collect(PiiPatterns.Ipv6Candidate(), PiiKind.IpAddress, IsIpv6);
        Collect(PiiPatterns.Ipv4(), PiiKind.IpAddress, IsIpv4);
        Collect(PiiPatterns.Phone(), PiiKind.Phone, IsPhone);

        if (spans.Count == 0)
        {
            return new PiiScrubResult(text, new Dictionary<PiiKind, int>());
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var counts = new Dictionary<PiiKind, int>();
        var builder = new StringBuilder(text.Length);
        var cursor = 0;
        foreach (var (start, length, kind) in spans)
        {
            var (sourceStart, sourceEnd) = detection.ToSource(start, length);
            builder.Append(text, cursor, sourceStart - cursor).Append(Placeholder(kind));
            cursor = sourceEnd;
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }

        builder.Append(text, cursor, text.Length - cursor);
        return new PiiScrubResult(builder.ToString(), counts);

        void Collect(Regex regex, PiiKind kind, Func<string, bool> validate)
        {
            foreach (Match match in regex.Matches(folded))
            {
                var value = match.Value;
                var length = match.Length;

                // Sentence punctuation is not part of an address ("... at fe80::1.").
                while (length > 0 && folded[match.Index + length - 1] is '.' or ':' && kind == PiiKind.IpAddress && !IsIpv6(value))
                {
                    length--;
                    value = value[..length];
                }

                if (length == 0 || !validate(value) || Overlaps(match.Index, length))
                {
                    continue;
                }

                spans.Add((match.Index, length, kind));
            }
        }

        bool Overlaps(int start, int length) =>
            spans.Exists(s => start < s.Start + s.Length && s.Start < start + length);
    }

    internal static bool IsCardNumber(string candidate)
    {
        var digits = candidate.Count(char.IsAsciiDigit);
        return digits is >= 13 and <= 19 && Luhn.IsValid(candidate);
    }

    internal static bool IsIpv4(string candidate)
    {
        var parts = candidate.Split('.');
        return parts.Length == 4 && parts.All(p =>
            p.Length is >= 1 and <= 3
            && (p.Length == 1 || p[0] != '0')
            && int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture) <= 255);
    }

    internal static bool IsIpv6(string candidate)
    {
        // Two colons and a decimal digit rule out C++ scopes ("a::b") and times like "10:30"; letter-only
        // addresses such as "dead::beef" are missed on purpose, they are rare and look like code.
        if (candidate.Count(c => c == ':') < 2 || !candidate.Any(char.IsAsciiDigit))
        {
            return false;
        }

        var address = candidate.Split('%')[0];
        var embeddedV4 = address.LastIndexOf(':') is var colon && address.IndexOf('.', colon + 1) >= 0;
        if (embeddedV4 && !IsIpv4(address[(address.LastIndexOf(':') + 1)..]))
        {
            return false;
        }

        return IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;
    }

    internal static bool IsPhone(string candidate)
    {
        var digits = candidate.Count(char.IsAsciiDigit);
        if (candidate.StartsWith('+'))
        {
            // E.164 allows at most 15 digits; fewer than 8 is a short code or a number fragment.
            return digits is >= 8 and <= 15;
        }

        return digits == 10 || (digits == 11 && candidate.TrimStart('(')[0] == '1');
    }
}
