namespace Streamline.Host.Demo;

/// <summary>Sum of one sensor's values in one window.</summary>
public sealed record SensorSum(string Sensor, long WindowStart, long Sum);
