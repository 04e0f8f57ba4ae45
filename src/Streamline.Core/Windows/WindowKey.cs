namespace Streamline.Core.Windows;

/// <summary>A key together with one of its windows: the key of window state.</summary>
public readonly record struct WindowKey<K>(K Key, TimeWindow Window);
