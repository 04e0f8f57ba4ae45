namespace Streamline.Samples.Etl;

/// <summary>Time one ETL stage's function took over the benchmark corpus, run in isolation, and its share of all stages.</summary>
public sealed record StageTiming(string Stage, long Records, TimeSpan Elapsed, double Share);
