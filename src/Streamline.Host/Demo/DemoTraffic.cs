namespace Streamline.Host.Demo;

/// <summary>
/// Endless, seeded page-view traffic: a Zipf-like skew over pages and users (a few pages take
/// most views) and event times up to 1.5 s behind the wall clock, so watermarks have work to do.
/// </summary>
public sealed class DemoTraffic(int seed = 42)
{
    private static readonly string[] Pages =
    {
        "/", "/search", "/product/espresso-machine", "/product/grinder", "/product/kettle", "/cart",
        "/checkout", "/product/scale", "/blog/brew-guide", "/help", "/product/filters", "/account",
    };

    private readonly Random _random = new(seed);

    public DemoPageView Next(long now)
    {
        var page = Pages[Skewed(Pages.Length)];
        var user = $"user-{Skewed(500):D3}";
        return new DemoPageView(user, page, now - _random.Next(0, 1500));
    }

    // Rank k is picked with probability roughly proportional to 1/(k+1).
    private int Skewed(int n) => Math.Min(n - 1, (int)(Math.Exp(_random.NextDouble() * Math.Log(n + 1)) - 1));
}
