namespace Streamline.Runtime.Coordination;

/// <summary>
/// Asks the pipeline manager which pipelines run in the cluster; answered with <see cref="RunningPipelines"/>.
/// A one-off question (unlike <see cref="WatchPipeline"/>, it subscribes nothing), for operations
/// such as a status query, a savepoint or a stop requested on any member.
/// </summary>
public sealed record ListPipelines
{
    public static readonly ListPipelines Instance = new();
}
