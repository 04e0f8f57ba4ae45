using Streamline.Nexmark.Queries;
using Xunit;

namespace Streamline.Nexmark.Tests.Queries;

public sealed class QueryCatalogTests
{
    [Fact]
    public void Lists_the_implemented_queries_by_name()
    {
        Assert.Equal(new[] { "q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q11" }, QueryCatalog.Names);
        Assert.Same(QueryCatalog.All[5], QueryCatalog.Get(" Q5 "));
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_available_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => QueryCatalog.Get("q9"));
        Assert.Contains("q0, q1", error.Message);
    }
}
