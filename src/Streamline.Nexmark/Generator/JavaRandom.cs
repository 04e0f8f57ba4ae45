namespace Streamline.Nexmark.Generator;

/// <summary>
/// Bit-exact port of <c>java.util.Random</c> (the 48-bit linear congruential generator), so that
/// per-event draws reproduce Beam's Nexmark generator value for value. Not thread-safe; the
/// generator reuses one instance and reseeds it per event with <see cref="SetSeed"/>.
/// </summary>
public sealed class JavaRandom
{
    private const long Multiplier = 0x5DEECE66DL;
    private const long Addend = 0xBL;
    private const long Mask = (1L << 48) - 1;
    private const double DoubleUnit = 1.0 / (1L << 53);

    private long _seed;

    public JavaRandom(long seed) => SetSeed(seed);

    /// <summary>Resets the state exactly like <c>new java.util.Random(seed)</c>.</summary>
    public void SetSeed(long seed) => _seed = (seed ^ Multiplier) & Mask;

    /// <summary>Java's protected <c>next(bits)</c>: the top <paramref name="bits"/> of the next state.</summary>
    internal int Next(int bits)
    {
        _seed = unchecked((_seed * Multiplier) + Addend) & Mask;
        return (int)((ulong)_seed >> (48 - bits));
    }

    public int NextInt() => Next(32);

    /// <summary>Uniform in [0, <paramref name="bound"/>), with Java's rejection loop for non powers of two.</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "bound must be positive.");
        }

        var r = Next(31);
        var m = bound - 1;
        if ((bound & m) == 0)
        {
            return (int)((bound * (long)r) >> 31);
        }

        // Java: for (int u = r; u - (r = u % bound) + m < 0; u = next(31));  (int overflow is the test)
        for (var u = r; unchecked(u - (r = u % bound) + m) < 0; u = Next(31))
        {
        }

        return r;
    }

    public long NextLong() => unchecked(((long)Next(32) << 32) + Next(32));

    public double NextDouble() => (((long)Next(26) << 27) + Next(27)) * DoubleUnit;

    public bool NextBoolean() => Next(1) != 0;
}
