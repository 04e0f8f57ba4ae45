namespace Streamline.Core.Windows;

/// <summary>The result of one key's window.</summary>
public sealed record WindowResult<K, R>(K Key, TimeWindow Window, R Value);
