namespace Streamline.Core.Windows;

/// <summary>
/// Incremental aggregation: one accumulator per key and window, updated per record, so a window
/// never stores its records. <see cref="Merge"/> is needed by session windows.
/// </summary>
public interface IAggregateFunction<in TIn, TAcc, out TResult>
{
    TAcc CreateAccumulator();

    TAcc Add(TAcc accumulator, TIn value);

    TAcc Merge(TAcc a, TAcc b);

    TResult GetResult(TAcc accumulator);
}
