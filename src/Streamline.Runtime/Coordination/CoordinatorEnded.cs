namespace Streamline.Runtime.Coordination;

/// <summary>A coordinator tells the manager its pipeline ended (finished, stopped or failed) before it stops; any other stop is a crash.</summary>
public sealed record CoordinatorEnded(string Pipeline);
