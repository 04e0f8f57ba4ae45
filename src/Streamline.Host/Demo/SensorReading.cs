namespace Streamline.Host.Demo;

/// <summary>A sensor reading (JSON on Kafka) for the multi-node pipeline.</summary>
public sealed record SensorReading(string Sensor, long Time, int Value);
