namespace Streamline.Samples.Etl.Dedup;

/// <summary>
/// One LSH bucket: documents with equal keys in any band are near-duplicate candidates. Meant as the key of
/// keyed state, hence stable: band index plus xxHash64 of the band's rows.
/// </summary>
public readonly record struct LshBandKey(int Band, ulong Hash)
{
    /// <summary>"bb:hhhhhhhhhhhhhhhh", a fixed-width string form for string-keyed stores.</summary>
    public override string ToString() => $"{Band:D2}:{Hash:x16}";

    /// <summary>A single ulong key: the band index is mixed in so equal rows in different bands never collide.</summary>
    public ulong ToUInt64() => Hash ^ (0x9E3779B97F4A7C15UL * (ulong)(Band + 1));
}
