namespace Streamline.Core.State;

/// <summary>The serialized state of one key group of one operator: the unit that moves on rescale.</summary>
public sealed record KeyGroupSnapshot(int KeyGroup, byte[] Data);
