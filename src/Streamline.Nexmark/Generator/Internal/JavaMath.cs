namespace Streamline.Nexmark.Generator.Internal;

/// <summary>The few <c>java.lang.Math</c> / <c>Integer</c> semantics the generator depends on.</summary>
internal static class JavaMath
{
    /// <summary>Java's <c>Math.round(double)</c>: floor(x + 1/2) computed exactly, NaN → 0, saturating.</summary>
    public static long Round(double x)
    {
        if (double.IsNaN(x))
        {
            return 0;
        }

        var floor = Math.Floor(x);
        var rounded = x - floor >= 0.5 ? floor + 1.0 : floor;
        if (rounded >= 9.2233720368547758E18)
        {
            return long.MaxValue;
        }

        return rounded <= -9.2233720368547758E18 ? long.MinValue : (long)rounded;
    }

    /// <summary>Java's <c>Math.abs(Integer.reverse(n))</c>, including abs(MIN_VALUE) == MIN_VALUE.</summary>
    public static int AbsReverse(int n)
    {
        var reversed = (int)ReverseBits((uint)n);
        return reversed == int.MinValue ? int.MinValue : Math.Abs(reversed);
    }

    private static uint ReverseBits(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        return (v >> 16) | (v << 16);
    }
}
