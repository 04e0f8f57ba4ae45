namespace Streamline.Samples.Clickstream;

public sealed record ClickstreamGeneratorSettings
{
    public int Seed { get; init; } = 42;

    public int Users { get; init; } = 500;

    /// <summary>Product pages in the catalog (plus landing, categories, cart, checkout, confirmation).</summary>
    public int Products { get; init; } = 300;

    public int Categories { get; init; } = 12;

    public int TotalEvents { get; init; } = 20_000;

    public double UserZipfExponent { get; init; } = 1.1;

    public double PageZipfExponent { get; init; } = 1.0;

    /// <summary>Share of all events produced by the single bot user.</summary>
    public double BotShare { get; init; } = 0.3;

    /// <summary>The bot requests a page exactly this often: the machine-like regularity a detector can spot.</summary>
    public TimeSpan BotInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of human product views that go to the one hot page.</summary>
    public double HotPageShare { get; init; } = 0.2;

    /// <summary>Inactivity that ends a session; generated gaps stay clearly on one side of it.</summary>
    public TimeSpan SessionGap { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan MeanThinkTime { get; init; } = TimeSpan.FromSeconds(45);

    public double MeanSessionLength { get; init; } = 6;

    /// <summary>Arrival delays are uniform in [0, this] except for late events.</summary>
    public TimeSpan MaxOutOfOrderness { get; init; } = TimeSpan.FromSeconds(5);

    public double LateFraction { get; init; } = 0.01;

    /// <summary>Late events arrive up to this much after the out-of-orderness bound.</summary>
    public TimeSpan MaxLateness { get; init; } = TimeSpan.FromMinutes(2);

    public DateTimeOffset Start { get; init; } = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
}
