namespace Streamline.Host.Demo;

/// <summary>Views of one page in one window: what the demo pipeline writes back to Kafka.</summary>
public sealed record PageCount(string Page, long WindowStart, long WindowEnd, long Views);
