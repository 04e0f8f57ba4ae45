using Xunit;

namespace Streamline.Nexmark.Tests.Queries;

/// <summary>Query tests share one actor system and run one at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class QueryCollection : ICollectionFixture<QueryHarness>
{
    public const string Name = "nexmark-queries";
}
