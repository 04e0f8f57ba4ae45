using Streamline.Core.Operators;
using Streamline.Core.Records;
using Streamline.Core.State;
using Streamline.Core.Time;

namespace Streamline.Core.Tests.Operators;

/// <summary>Drives a one-input operator with plain method calls, the way its stage does.</summary>
internal sealed class OperatorHarness<TIn, TOut>
{
    private readonly Dictionary<string, object> _side = new();

    /// <param name="restore">State restored when the operator creates its backend, as a recovering task does.</param>
    public OperatorHarness(OneInputOperator<TIn, TOut> op, IClock? clock = null, int maxParallelism = 128, IReadOnlyList<KeyGroupSnapshot>? restore = null)
    {
        Operator = op;
        Clock = clock ?? new VirtualClock();
        Context = new OperatorContext("test", "op", 0, 1, maxParallelism, Clock, 8) 
        {
            OnStateCreated = (_, backend) =>
            {
                Backend = backend;
                if (restore is not null) backend.Restore(restore);
            },
        };
        Main = new Output<TOut>(8);
        foreach (var tag in op.SideOutputTags)
        {
            tag.CreateDriver(tag.CreateOutlet("op"), 8, out var output);
            _side[tag.Id] = output;
        }
        op.Setup(Context, Main, _side);
        op.Open();
    }

    public OneInputOperator<TIn, TOut> Operator { get; }

    public IClock Clock { get; }

    public OperatorContext Context { get; }

    public Output<TOut> Main { get; }

    /// <summary>The keyed state backend the operator created, if keyed.</summary>
    public IKeyedStateBackend? Backend { get; private set; }

    /// <summary>Entries over every state table (timers, window contents, sessions, user state).</summary>
    public long StateEntries => Backend?.Tables.Sum(t => t.Count) ?? 0;

    public OperatorHarness<TIn, TOut> Push(TIn value, long timestamp)
    {
        Operator.ProcessRecord(new Record<TIn>(value, timestamp));
        return this;
    }

    /// <summary>Applies a watermark as the stage does: only when it advances.</summary>
    public OperatorHarness<TIn, TOut> Watermark(long watermark)
    {
        if (watermark <= Context.CurrentWatermark) return this;
        Context.CurrentWatermark = watermark;
        Operator.OnWatermark(watermark);
        return this;
    }

    public List<Record<TOut>> Drain() => DrainOutput(Main);

    public List<TOut> DrainValues() => Drain().Select(r => r.Value).ToList();

    public List<Record<X>> DrainSide<X>(OutputTag<X> tag) => DrainOutput((Output<X>)_side[tag.Id]);

    private static List<Record<X>> DrainOutput<X>(Output<X> output)
    {
        var list = new List<Record<X>>();
        while (output.TakeNext() is { } element)
        {
            if (element is not RecordBatch<X> batch) continue;
            foreach (var r in batch.Records) list.Add(r);
            batch.Release();
        }
        return list;
    }
}
