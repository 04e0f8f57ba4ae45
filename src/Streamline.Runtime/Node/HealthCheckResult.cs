namespace Streamline.Runtime.Node;

/// <summary>The answer to one health check: healthy or not, and a one-line reason for the response body.</summary>
public sealed record HealthCheckResult(bool Healthy, string Detail);
