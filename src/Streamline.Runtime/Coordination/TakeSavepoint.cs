namespace Streamline.Runtime.Coordination;

/// <summary>Asks a pipeline's coordinator for a savepoint now; answered with <see cref="SavepointResult"/>.</summary>
public sealed record TakeSavepoint
{
    public static readonly TakeSavepoint Instance = new();
}
