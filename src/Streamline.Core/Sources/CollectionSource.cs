using Akka;
using Akka.Streams;
using Streamline.Core.Operators;
using Streamline.Core.Stages;
using Streamline.Core.Time;

namespace Streamline.Core.Sources;

/// <summary>
/// Reads an in-memory collection or a (possibly endless) generator. Bounded inputs end with a
/// final watermark so every window fires. With parallelism above one, instance i reads every
/// n-th element.
/// </summary>
public sealed class CollectionSource<T> : ISourceDefinition<T>
{
    private readonly IEnumerable<T> _items;
    private readonly bool _bounded;

    public CollectionSource(IEnumerable<T> items, WatermarkStrategy<T>? watermarks = null, bool bounded = true)
    {
        _items = items ?? throw new ArgumentNullException(nameof(items));
        _bounded = bounded;
        WatermarkStrategy = watermarks ?? WatermarkStrategy<T>.ForMonotonousTimestamps();
    }

    public WatermarkStrategy<T> WatermarkStrategy { get; }

    public string Describe() => _bounded ? "collection" : "generator";

    public IGraph<OperatorShape, NotUsed> CreateStage(string name, OperatorContext context, Action<ISourceControl> register)
    {
        // Positions count the records of each instance's share; shares change with parallelism.
        if (context.RestoredSourcePositions is { } restored && restored.Count != context.Parallelism)
            throw new InvalidOperationException(
                $"source '{name}' is restored from a checkpoint taken at parallelism {restored.Count}, but now runs at {context.Parallelism}; " +
                "a collection or generator source resumes only at the parallelism it had (keyed operators can change theirs)");
        var items = context.Parallelism == 1 ? _items : _items.Where((_, i) => i % context.Parallelism == context.SubtaskIndex);
        return new ReportingStage<EnumerableSourceControl<T>>(new EnumerableSourceStage<T>(name, items, WatermarkStrategy, context, _bounded), register);
    }
}
