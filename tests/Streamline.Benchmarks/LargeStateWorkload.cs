using Streamline.Core.Dsl;
using Streamline.Core.Graph;
using Streamline.Core.Operators.Process;
using Streamline.Core.Serdes;
using Streamline.Runtime.Node;

namespace Streamline.Benchmarks;

/// <summary>
/// Builds a large keyed state: generator (p=1) of 0, 1, 2, … → key i mod <see cref="KeyCount"/>
/// (p=2) → a process function that gives every key a <see cref="ValueBytes"/>-byte random value
/// (<c>Serdes.Bytes</c> value state) the first time it sees it. Afterwards records only read
/// state, so the state stays at KeyCount values while the stream keeps running at full speed
/// (checkpoints are taken under load). Output: 1 per key created, 0 for every 1024th record
/// otherwise, so a restored run shows its first output quickly and any key it had to create again
/// (state lost) is counted.
/// </summary>
public sealed class LargeStateWorkload
{
    public const string Pipeline = "state";
    public const int ValueBytes = 1024;

    private long _created;
    private long _outputs;

    public LargeStateWorkload(int stateMb) => KeyCount = (int)((long)stateMb * 1024 * 1024 / ValueBytes);

    public int KeyCount { get; }

    /// <summary>Keys that got a new value (in a run restored from a complete state: none).</summary>
    public long Created => Interlocked.Read(ref _created);

    /// <summary>Records that reached the sink.</summary>
    public long Outputs => Interlocked.Read(ref _outputs);

    public PipelineRegistry Registry()
    {
        var registry = new PipelineRegistry();
        registry.Register(Pipeline, Build);
        return registry;
    }

    private PipelineDefinition Build()
    {
        var keys = KeyCount;
        var p = PipelineBuilder.Create(Pipeline, defaultParallelism: 2);
        p.FromGenerator(Numbers(), name: "numbers").WithParallelism(1)
            .KeyBy(i => (int)(i % keys))
            .Process(new OneValuePerKey()).Named("values")
            .ForEach(created =>
            {
                if (created == 1) Interlocked.Increment(ref _created);
                Interlocked.Increment(ref _outputs);
            }, "outputs");
        return p.Build();
    }

    private static IEnumerable<long> Numbers()
    {
        for (long i = 0; ; i++) yield return i;
    }

    /// <summary>Stateless itself: one instance serves every task of the node (the definition is built once per node).</summary>
    private sealed class OneValuePerKey : KeyedProcessFunction<int, long, int>
    {
        public override void ProcessElement(long value, KeyedProcessContext<int, int> ctx)
        {
            var state = ctx.GetValueState("value", Serdes.Bytes);
            if (!state.HasValue)
            {
                // Random, so neither store can compress it (PostgreSQL would TOAST-compress zeros).
                var bytes = new byte[ValueBytes];
                Random.Shared.NextBytes(bytes);
                state.Value = bytes;
                ctx.Emit(1);
            }
            else if ((value & 1023) == 0)
            {
                ctx.Emit(0);
            }
        }
    }
}
