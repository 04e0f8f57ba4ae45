namespace Streamline.Samples.Etl.Quality;

/// <summary>One heuristic document filter. Rules are stateless and thread-safe.</summary>
public interface IQualityRule
{
    /// <summary>Stable name used in rejections, metrics and ground-truth labels.</summary>
    string Name { get; }

    /// <summary>Null when the document passes, otherwise why it failed.</summary>
    Rejection? Evaluate(QualityDocument document);
}
