namespace Streamline.Samples.Clickstream;

/// <summary>
/// A generated view with its ground truth: whether a bot produced it, when it arrives (arrival order is the
/// emission order), and whether it is late for a watermark of bounded out-of-orderness.
/// </summary>
public sealed record GeneratedPageView(
    PageView View,
    long Sequence,
    DateTimeOffset ArrivalTime,
    bool IsBot,
    bool IsLate,
    int SessionIndex);
