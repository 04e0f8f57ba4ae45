using System.Globalization;
using System.Text;
using Streamline.Samples.Etl.Pii;

namespace Streamline.Samples.Etl.Generator;

/// <summary>Realistic PII values in the formats the scrubber claims to handle, including look-alike variants.</summary>
internal sealed class PiiValueGenerator(Random random)
{
    public string Email(bool fullwidthAt = false)
    {
        var email = $"{Pick(Lexicon.FirstNames)}.{Pick(Lexicon.LastNames)}{random.Next(1, 100)}@{Pick(Lexicon.Domains)}";
        return fullwidthAt ? email.Replace('@', '＠') : email;
    }

    public string Phone(bool fullwidthDigits = false)
    {
        // 555-01xx is the range reserved for fictional use in NANP.
        var line = $"01{random.Next(100):D2}";
        var area = random.Next(201, 990).ToString(CultureInfo.InvariantCulture);
        var phone = random.Next(6) switch
        {
            0 => $"({area}) 555-{line}",
            1 => $"{area}-555-{line}",
            2 => $"+1 {area} 555 {line}",
            3 => $"+44 20 7946 0{random.Next(1000):D3}",
            4 => $"+49 30 {random.Next(1000, 9999)} {random.Next(1000, 9999)}",
            _ => $"+33 1 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}",
        };
        return fullwidthDigits ? ToFullwidthDigits(phone) : phone;
    }

    public string Ipv4() => random.Next(3) switch
    {
        0 => $"192.168.{random.Next(256)}.{random.Next(1, 255)}",
        1 => $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}",
        _ => $"203.0.113.{random.Next(1, 255)}",
    };

    public string Ipv6() => random.Next(4) switch
    {
        0 => $"2001:db8::{random.Next(1, 0xffff):x}",
        1 => $"2001:0db8:85a3:0000:0000:8a2e:{random.Next(0x1000, 0xffff):x4}:{random.Next(0x1000, 0xffff):x4}",
        2 => $"fe80::{random.Next(0x100, 0xfff):x}:fe23:{random.Next(0x1000, 0xffff):x4}:890a",
        _ => $"2001:db8:{random.Next(1, 0xfff):x}::{random.Next(1, 0xff):x}:{random.Next(1, 0xfff):x}",
    };

    /// <summary>A Luhn-valid Visa (16 digits, 4-4-4-4) or Amex (15 digits, 4-6-5) number.</summary>
    public string CreditCard() => Format(CardDigits(valid: true));

    /// <summary>The same shapes with a wrong check digit.</summary>
    public string LuhnInvalidCard() => Format(CardDigits(valid: false));

    private string CardDigits(bool valid)
    {
        var amex = random.Next(3) == 0;
        var payload = new StringBuilder(amex ? "37" : "4");
        while (payload.Length < (amex ? 14 : 15))
        {
            payload.Append((char)('0' + random.Next(10)));
        }

        var check = Luhn.CheckDigit(payload.ToString()) - '0';
        return payload.Append((char)('0' + (valid ? check : (check + 1 + random.Next(9)) % 10))).ToString();
    }

    private string Format(string digits)
    {
        var separator = random.Next(3) switch
        {
            0 => " ",
            1 => "-",
            _ => string.Empty,
        };
        return digits.Length == 15
            ? string.Join(separator, digits[..4], digits[4..10], digits[10..])
            : string.Join(separator, digits.Chunk(4).Select(c => new string(c)));
    }

    private static string ToFullwidthDigits(string value) =>
        new([.. value.Select(c => c is >= '0' and <= '9' ? (char)('０' + (c - '0')) : c)]);

    private string Pick(string[] values) => values[random.Next(values.Length)];
}
