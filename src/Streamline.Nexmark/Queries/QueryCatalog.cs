namespace Streamline.Nexmark.Queries;

/// <summary>The Nexmark queries Streamline implements, by name ("q0" … "q11").</summary>
public static class QueryCatalog
{
    public static IReadOnlyList<NexmarkQuery> All { get; } =
    [
        NexmarkQuery.Create("q0", "pass-through", false, Q0PassThrough.Build),
        NexmarkQuery.Create("q1", "currency conversion", false, Q1CurrencyConversion.Build),
        NexmarkQuery.Create("q2", "selection", false, Q2Selection.Build),
        NexmarkQuery.Create("q3", "local item suggestion (incremental join)", false, Q3LocalItemSuggestion.Build),
        NexmarkQuery.Create("q4", "average winning price by category", true, Q4AveragePriceByCategory.Build),
        NexmarkQuery.Create("q5", "hot items (sliding 10 s / 2 s)", true, Q5HotItems.Build),
        NexmarkQuery.Create("q6", "average selling price by seller", true, Q6AverageSellingPriceBySeller.Build),
        NexmarkQuery.Create("q7", "highest bid (tumbling 10 s)", true, Q7HighestBid.Build),
        NexmarkQuery.Create("q8", "monitor new users (windowed join)", true, Q8MonitorNewUsers.Build),
        NexmarkQuery.Create("q11", "user sessions (gap 10 s)", true, Q11UserSessions.Build),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(q => q.Name).ToArray();

    public static NexmarkQuery Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(q => string.Equals(q.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"unknown Nexmark query '{name}'; available: {string.Join(", ", Names)}", nameof(name));
    }
}
