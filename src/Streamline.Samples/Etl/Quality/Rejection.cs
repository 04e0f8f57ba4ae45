namespace Streamline.Samples.Etl.Quality;

/// <summary>A failed quality rule with the measured value and the threshold it crossed, for per-rule metrics and audit.</summary>
public sealed record Rejection(string RuleName, double MeasuredValue, double Threshold);
