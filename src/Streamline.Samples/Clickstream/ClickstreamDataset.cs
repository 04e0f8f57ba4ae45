using System.Collections.Immutable;

namespace Streamline.Samples.Clickstream;

/// <summary>Generated events in arrival order plus the ground truth a sessionization/bot-detection job should recover.</summary>
public sealed record ClickstreamDataset(
    ImmutableArray<GeneratedPageView> Events,
    ImmutableArray<SessionTruth> Sessions,
    string BotUserId,
    string HotPage,
    ClickstreamGeneratorSettings Settings);
