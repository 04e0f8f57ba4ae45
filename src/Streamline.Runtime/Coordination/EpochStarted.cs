namespace Streamline.Runtime.Coordination;

/// <summary>A coordinator's journal event: it deployed the pipeline's tasks as epoch <see cref="Epoch"/>.</summary>
public sealed record EpochStarted(int Epoch);
