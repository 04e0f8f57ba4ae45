namespace Streamline.Samples.Etl.Quality;

/// <summary>Maximum fraction of a document's characters that may be covered by repeated word n-grams of size <see cref="N"/>.</summary>
public sealed record NGramThreshold(int N, double MaxCharFraction);
