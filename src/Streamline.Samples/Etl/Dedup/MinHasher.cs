using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Streamline.Samples.Etl.Dedup;

/// <summary>
/// MinHash signatures with universal hashing h(x) = (a·x + b) mod (2^61 − 1) and LSH banding. The a/b
/// parameters come from SplitMix64 over a fixed seed rather than System.Random, because band keys end up in
/// checkpointed keyed state and must be identical across processes, platforms and .NET versions.
/// Thread-safe after construction.
/// </summary>
public sealed class MinHasher
{
    private const ulong MersennePrime = (1UL << 61) - 1;

    private readonly ulong[] _a;
    private readonly ulong[] _b;

    public MinHasher(MinHashSettings? settings = null)
    {
        Settings = settings ?? MinHashSettings.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Settings.Bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Settings.RowsPerBand, 1);
        _a = new ulong[Settings.Permutations];
        _b = new ulong[Settings.Permutations];
        var state = Settings.Seed;
        for (var i = 0; i < _a.Length; i++)
        {
            _a[i] = 1 + (SplitMix64(ref state) % (MersennePrime - 1));
            _b[i] = SplitMix64(ref state) % MersennePrime;
        }
    }

    public MinHashSettings Settings { get; }

    public ulong[] Signature(string text) => Signature(Shingles.Hashes(text, Settings.ShingleSize));

    public ulong[] Signature(IEnumerable<ulong> shingleHashes)
    {
        ArgumentNullException.ThrowIfNull(shingleHashes);
        var xs = new List<ulong>(shingleHashes is ICollection<ulong> c ? c.Count : 0);
        foreach (var hash in shingleHashes)
        {
            xs.Add(hash % MersennePrime);
        }

        // Permutation-major: a, b and the running minimum stay in registers over a contiguous span of inputs
        // (hash-major order reloaded and stored the 128 minima for every shingle; this loop is most of MinHash).
        var values = CollectionsMarshal.AsSpan(xs);
        var signature = new ulong[_a.Length];
        for (var i = 0; i < signature.Length; i++)
        {
            var a = _a[i];
            var b = _b[i];
            var min = ulong.MaxValue;
            foreach (var x in values)
            {
                var value = AddMod(MulMod(a, x), b);
                if (value < min)
                {
                    min = value;
                }
            }

            signature[i] = min;
        }

        return signature;
    }

    public LshBandKey[] BandKeys(ulong[] signature)
    {
        if (signature.Length != Settings.Permutations)
        {
            throw new ArgumentException($"Expected {Settings.Permutations} values, got {signature.Length}.", nameof(signature));
        }

        var keys = new LshBandKey[Settings.Bands];
        var rows = Settings.RowsPerBand;
        for (var band = 0; band < keys.Length; band++)
        {
            // Hash the little-endian bytes of the band's rows; MemoryMarshal is fine as all supported targets are little-endian.
            var bytes = MemoryMarshal.AsBytes(signature.AsSpan(band * rows, rows));
            keys[band] = new LshBandKey(band, XxHash64.HashToUInt64(bytes));
        }

        return keys;
    }

    /// <summary>Fraction of equal signature positions: an unbiased estimate of the Jaccard similarity.</summary>
    public static double EstimateJaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException("Signatures must be non-empty and of equal length.");
        }

        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return equal / (double)a.Length;
    }

    /// <summary>True when the two signatures share at least one band (what an LSH index would report).</summary>
    public bool AreCandidates(ulong[] a, ulong[] b)
    {
        var ka = BandKeys(a);
        var kb = BandKeys(b);
        for (var i = 0; i < ka.Length; i++)
        {
            if (ka[i] == kb[i])
            {
                return true;
            }
        }

        return false;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // (a·x) mod (2^61 − 1) for a, x < 2^61 using 2^61 ≡ 1: fold the 122-bit product in 61-bit chunks.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulMod(ulong a, ulong x)
    {
        var high = Math.BigMul(a, x, out var low);
        var sum = (low & MersennePrime) + ((low >> 61) | (high << 3));
        sum = (sum & MersennePrime) + (sum >> 61);
        return sum >= MersennePrime ? sum - MersennePrime : sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddMod(ulong a, ulong b)
    {
        var sum = a + b;
        return sum >= MersennePrime ? sum - MersennePrime : sum;
    }
}
