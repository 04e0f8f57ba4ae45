namespace Streamline.Host.Demo;

/// <summary>A page view event as the demo's producer writes it to Kafka (JSON).</summary>
public sealed record DemoPageView(string User, string Page, long Time);
