namespace Streamline.Runtime.Coordination;

/// <summary>Asks a coordinator to stop its pipeline cleanly: sources stop, in-flight records drain, every task finishes.</summary>
public sealed record StopPipeline
{
    public static readonly StopPipeline Instance = new();
}
