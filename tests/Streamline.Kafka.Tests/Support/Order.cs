namespace Streamline.Kafka.Tests.Support;

/// <summary>A JSON test value: the key travels inside the value because Streamline records carry no key.</summary>
public sealed record Order(string Key, int Seq, long Ts);
