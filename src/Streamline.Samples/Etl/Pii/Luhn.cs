namespace Streamline.Samples.Etl.Pii;

/// <summary>The Luhn mod-10 checksum used by payment card numbers.</summary>
public static class Luhn
{
    /// <summary>True when the ASCII digits in <paramref name="digits"/> (separators ignored) pass the check.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var count = 0;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var c = digits[i];
            if (c is < '0' or > '9')
            {
                continue;
            }

            var d = c - '0';
            if (count % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            count++;
        }

        return count > 0 && sum % 10 == 0;
    }

    /// <summary>The check digit that makes <paramref name="payload"/> + digit Luhn-valid.</summary>
    public static char CheckDigit(ReadOnlySpan<char> payload)
    {
        var candidate = new char[payload.Length + 1];
        payload.CopyTo(candidate);
        for (var d = '0'; d <= '9'; d++)
        {
            candidate[^1] = d;
            if (IsValid(candidate))
            {
                return d;
            }
        }

        throw new InvalidOperationException("unreachable: one of ten check digits always satisfies Luhn");
    }
}
