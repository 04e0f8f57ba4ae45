using Streamline.Core.Sinks;
using Streamline.Nexmark.Queries;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>Gives the query a <see cref="DiscardingSink{T}"/> (it folds a checksum, so outputs are really consumed) and keeps its counters.</summary>
internal sealed class DiscardingSinkFactory : IQuerySinkFactory
{
    private Func<(long Count, long Checksum)> _read = () => (0, 0);

    public (long Count, long Checksum) Read() => _read();

    public ISinkDefinition<T> Create<T>()
    {
        var sink = new DiscardingSink<T>();
        _read = () => (sink.Count, sink.Checksum);
        return sink;
    }
}
