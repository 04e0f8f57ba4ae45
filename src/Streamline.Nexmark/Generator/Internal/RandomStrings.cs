namespace Streamline.Nexmark.Generator.Internal;

/// <summary>Beam's <c>StringsGenerator</c> and <c>PriceGenerator</c> draws (NEXMARK.md §1.5).</summary>
internal static class RandomStrings
{
    private const int MinStringLength = 3;

    /// <summary>
    /// Writes <c>nextString(maxLength)</c> into <paramref name="destination"/> (which must hold
    /// <paramref name="maxLength"/> chars), trimmed of <c>' '</c> like Java's <c>trim</c>; returns its length.
    /// </summary>
    public static int Write(JavaRandom random, int maxLength, char space, Span<char> destination)
    {
        var length = MinStringLength + random.NextInt(maxLength - MinStringLength);
        for (var i = 0; i < length; i++)
        {
            destination[i] = random.NextInt(13) == 0 ? space : (char)('a' + random.NextInt(26));
        }

        // Java's trim() strips chars <= ' '; only ' ' can occur here ('_' is not trimmed).
        var start = 0;
        while (start < length && destination[start] == ' ')
        {
            start++;
        }

        var end = length;
        while (end > start && destination[end - 1] == ' ')
        {
            end--;
        }

        if (start > 0)
        {
            destination[start..end].CopyTo(destination);
        }

        return end - start;
    }

    public static string Next(JavaRandom random, int maxLength, char space = ' ')
    {
        Span<char> buffer = stackalloc char[maxLength];
        var length = Write(random, maxLength, space, buffer);
        return length == 0 ? string.Empty : new string(buffer[..length]);
    }

    /// <summary>Beam's <c>nextExactString</c>: six chars per <c>nextInt()</c>, truncating % and / like Java.</summary>
    public static string NextExact(JavaRandom random, int length)
    {
        if (length <= 0)
        {
            return string.Empty;
        }

        return string.Create(length, random, static (span, rnd) =>
        {
            var bits = 0;
            var left = 0;
            for (var i = 0; i < span.Length; i++)
            {
                if (left == 0)
                {
                    bits = rnd.NextInt();
                    left = 6;
                }

                span[i] = (char)('a' + (bits % 26));
                bits /= 26;
                left--;
            }
        });
    }

    /// <summary>Padding so that <paramref name="currentSize"/> plus its length averages <paramref name="desiredAverageSize"/>.</summary>
    public static string NextExtra(JavaRandom random, int currentSize, int desiredAverageSize)
    {
        if (currentSize > desiredAverageSize)
        {
            return string.Empty;
        }

        var remaining = desiredAverageSize - currentSize;
        var delta = (int)JavaMath.Round(remaining * 0.2);
        var minSize = remaining - delta;
        var size = minSize + (delta == 0 ? 0 : random.NextInt(2 * delta));
        return NextExact(random, size);
    }

    /// <summary>Log-uniform price in cents between 100 ($1) and 10^8 ($1,000,000).</summary>
    public static long NextPrice(JavaRandom random) =>
        JavaMath.Round(Math.Pow(10.0, random.NextDouble() * 6.0) * 100.0);
}
