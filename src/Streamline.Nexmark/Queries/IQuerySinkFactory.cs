using Streamline.Core.Sinks;

namespace Streamline.Nexmark.Queries;

/// <summary>Makes the sink for a query's result type (the catalog does not know result types statically).</summary>
public interface IQuerySinkFactory
{
    ISinkDefinition<T> Create<T>();
}
