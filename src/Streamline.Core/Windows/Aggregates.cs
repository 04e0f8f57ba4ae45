namespace Streamline.Core.Windows;

/// <summary>Ready-made aggregate functions.</summary>
public static class Aggregates
{
    public static IAggregateFunction<T, long, long> Count<T>() => new CountAggregate<T>();

    public static IAggregateFunction<T, double, double> Sum<T>(Func<T, double> selector) => new SumAggregate<T>(selector);

    public static IAggregateFunction<T, ReduceAccumulator<T>, T> Reduce<T>(Func<T, T, T> reduce) => new ReduceAggregate<T>(reduce);

    private sealed class CountAggregate<T> : IAggregateFunction<T, long, long>
    {
        public long CreateAccumulator() => 0;
        public long Add(long accumulator, T value) => accumulator + 1;
        public long Merge(long a, long b) => a + b;
        public long GetResult(long accumulator) => accumulator;
    }

    private sealed class SumAggregate<T>(Func<T, double> selector) : IAggregateFunction<T, double, double>
    {
        public double CreateAccumulator() => 0;
        public double Add(double accumulator, T value) => accumulator + selector(value);
        public double Merge(double a, double b) => a + b;
        public double GetResult(double accumulator) => accumulator;
    }

    private sealed class ReduceAggregate<T>(Func<T, T, T> reduce) : IAggregateFunction<T, ReduceAccumulator<T>, T>
    {
        public ReduceAccumulator<T> CreateAccumulator() => default;
        public ReduceAccumulator<T> Add(ReduceAccumulator<T> acc, T value) => new(true, acc.HasValue ? reduce(acc.Value!, value) : value);
        public ReduceAccumulator<T> Merge(ReduceAccumulator<T> a, ReduceAccumulator<T> b) =>
            !a.HasValue ? b : !b.HasValue ? a : new(true, reduce(a.Value!, b.Value!));
        public T GetResult(ReduceAccumulator<T> acc) => acc.Value!;
    }
}
