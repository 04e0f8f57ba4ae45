namespace Streamline.Nexmark.Bench.Internal;

/// <summary>A topic filled by <see cref="KafkaPreloader"/>: every partition starts at offset 0 and ends at <see cref="EndOffsets"/>.</summary>
internal sealed record PreloadedTopic(string Name, int Partitions, long Records, long ValueBytes, IReadOnlyDictionary<int, long> EndOffsets);
