using Streamline.Nexmark.Generator;
using Streamline.Nexmark.Generator.Internal;
using Xunit;

namespace Streamline.Nexmark.Tests.Generator;

/// <summary>Expected values were printed by OpenJDK 17's java.util.Random / java.lang.Math in jshell.</summary>
public sealed class JavaRandomTests
{
    [Fact]
    public void NextInt_matches_java_for_seed_42()
    {
        var random = new JavaRandom(42);
        Assert.Equal(new[] { -1170105035, 234785527, -1360544799, 205897768, 1325939940 }, Draw(5, random.NextInt));
    }

    [Fact]
    public void Bounded_NextInt_matches_java_for_seed_42()
    {
        var random = new JavaRandom(42);
        Assert.Equal(new[] { 0, 3, 8, 4, 0, 5, 5, 8, 9, 3 }, Draw(10, () => random.NextInt(10)));
    }

    [Fact]
    public void Power_of_two_bound_takes_the_high_bits_like_java()
    {
        var random = new JavaRandom(-7);
        Assert.Equal(new[] { 4, 14, 10, 15, 8, 2 }, Draw(6, () => random.NextInt(16)));
    }

    [Fact]
    public void Bounds_that_force_the_rejection_loop_match_java()
    {
        // With bound 2^30 + 1 about half of the draws are rejected and redrawn.
        var random = new JavaRandom(123456789L);
        Assert.Equal(
            new[] { 981296483, 547328344, 838606290, 465137554, 913732807, 925572887 },
            Draw(6, () => random.NextInt((1 << 30) + 1)));

        var large = new JavaRandom(0);
        Assert.Equal(
            new[] { 569741353, 785505941, 516548029, 302116440, 368843508, 663681053 },
            Draw(6, () => large.NextInt(1_000_000_007)));

        var max = new JavaRandom(long.MaxValue);
        Assert.Equal(new[] { 577549913, 943952225, 26349579, 1176895439 }, Draw(4, () => max.NextInt(int.MaxValue)));
    }

    [Fact]
    public void NextLong_matches_java()
    {
        var random = new JavaRandom(42);
        Assert.Equal(
            new[] { -5025562857975149833L, -5843495416241995736L, 5694868678511409995L, 5111195811822994797L, -6169532649852302182L },
            Draw(5, random.NextLong));
    }

    [Fact]
    public void NextDouble_matches_java_bit_for_bit()
    {
        var random = new JavaRandom(42);
        var bits = Draw(5, () => BitConverter.DoubleToInt64Bits(random.NextDouble()));
        Assert.Equal(
            new[] { 4604728530581845079L, 4604329149490933249L, 4599233015213898676L, 4598663022256506966L, 4604169951567874148L },
            bits);
    }

    [Fact]
    public void NextBoolean_matches_java()
    {
        var random = new JavaRandom(42);
        Assert.Equal(
            new[] { true, false, true, false, false, true, false, true, true, false },
            Draw(10, random.NextBoolean));
    }

    [Fact]
    public void SetSeed_restarts_the_sequence_like_a_new_instance()
    {
        var random = new JavaRandom(7);
        var first = Draw(8, random.NextInt);
        random.SetSeed(7);
        Assert.Equal(first, Draw(8, random.NextInt));
        random.SetSeed(42);
        Assert.Equal(-1170105035, random.NextInt());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NextInt_rejects_a_non_positive_bound(int bound)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new JavaRandom(1).NextInt(bound));
        Assert.Equal("bound", e.ParamName);
    }

    [Theory]
    [InlineData(0.49999999999999994, 0L)]
    [InlineData(-2.5, -2L)]
    [InlineData(2.5, 3L)]
    [InlineData(1e19, long.MaxValue)]
    [InlineData(-1e19, long.MinValue)]
    [InlineData(double.NaN, 0L)]
    public void Round_follows_java_Math_round(double value, long expected) =>
        Assert.Equal(expected, JavaMath.Round(value));

    [Theory]
    [InlineData(1, int.MinValue)]
    [InlineData(9999, 253493248)]
    [InlineData(0, 0)]
    public void AbsReverse_follows_java_Math_abs_of_Integer_reverse(int value, int expected) =>
        Assert.Equal(expected, JavaMath.AbsReverse(value));

    private static T[] Draw<T>(int count, Func<T> next)
    {
        var values = new T[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = next();
        }

        return values;
    }
}
