namespace Streamline.Core.State;

/// <summary>A contiguous range of key groups [Start, End) owned by one parallel task.</summary>
public readonly record struct KeyGroupRange(int Start, int End)
{
    public int Count => End - Start;

    public bool Contains(int keyGroup) => keyGroup >= Start && keyGroup < End;

    /// <summary>
    /// The range task <paramref name="index"/> of <paramref name="parallelism"/> owns. Ranges of all
    /// tasks are disjoint and cover [0, maxParallelism), so state moves by key group on rescale.
    /// </summary>
    public static KeyGroupRange ForTask(int maxParallelism, int parallelism, int index)
    {
        if (maxParallelism <= 0) throw new ArgumentOutOfRangeException(nameof(maxParallelism), maxParallelism, "must be positive");
        if (parallelism <= 0 || parallelism > maxParallelism)
            throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, $"must be in 1..{maxParallelism} (max parallelism)");
        if (index < 0 || index >= parallelism)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"must be in 0..{parallelism - 1}");
        var start = (int)(((long)index * maxParallelism + parallelism - 1) / parallelism);
        var end = (int)(((long)(index + 1) * maxParallelism + parallelism - 1) / parallelism);
        return new KeyGroupRange(start, end);
    }

    public override string ToString() => $"[{Start}, {End})";
}
