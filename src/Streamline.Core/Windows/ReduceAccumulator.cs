namespace Streamline.Core.Windows;

/// <summary>The accumulator of a reduce: the value so far, if any.</summary>
public readonly record struct ReduceAccumulator<T>(bool HasValue, T? Value);
