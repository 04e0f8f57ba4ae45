using System.Buffers.Binary;
using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Streamline.Core.Exchange;
using Streamline.Core.Records;
using Streamline.Core.Serdes;
using Streamline.Runtime.Exchange;

namespace Streamline.Benchmarks;

/// <summary>
/// The graphs the exchange benchmark measures: 100-byte records hash-partitioned by key to two targets,
/// either fused in one graph or sent through exchange channels (sender stages → endpoint → receiver stages).
/// </summary>
public static class ExchangeWorkload
{
    public const string Pipeline = "xbench";
    public const int Edge = 1, Targets = 2, RecordBytes = 100, Credits = 8;

    // Values are reused across records (the generator measures the exchange, not the allocator);
    // 4096 distinct keys in the first 8 bytes spread evenly over the key groups.
    private static readonly byte[][] Values = Enumerable.Range(0, 4096).Select(i =>
    {
        var v = new byte[RecordBytes];
        v.AsSpan().Fill((byte)'x');
        BinaryPrimitives.WriteInt64LittleEndian(v, i);
        return v;
    }).ToArray();

    public static ChannelId Channel(int target) => new(Pipeline, Edge, 0, target);

    /// <summary>Batches of <paramref name="batchSize"/> records until <paramref name="records"/> or <paramref name="stop"/>.</summary>
    public static IEnumerable<StreamElement<byte[]>> Generate(long records, int batchSize, Func<bool>? stop = null)
    {
        long i = 0;
        while (i < records && !(stop?.Invoke() ?? false))
        {
            var n = (int)Math.Min(batchSize, records - i);
            var batch = new RecordBatch<byte[]>(n);
            for (var k = 0; k < n; k++, i++) batch.Add(Values[i & (Values.Length - 1)], i);
            yield return batch;
        }
    }

    private static PartitionStage<byte[]> Partition(int maxBatch) =>
        new("partition", Targets, () => new KeyGroupRouter<byte[], long>(v => BinaryPrimitives.ReadInt64LittleEndian(v), Serdes.Int64, 128), maxBatch);

    /// <summary>Generator → partition → two counting sinks, all one fused graph (the baseline).</summary>
    public static Task RunFused(IMaterializer materializer, long records, int sourceBatch, RecordCounter counter)
    {
        var (a, b) = RunnableGraph.FromGraph(GraphDsl.Create(counter.Sink(), counter.Sink(), Keep.Both, (g, s0, s1) =>
        {
            var source = g.Add(Source.From(Generate(records, sourceBatch)));
            var partition = g.Add(Partition(sourceBatch));
            g.From(source.Outlet).To(partition.In<StreamElement<byte[]>>(0));
            g.From(partition.Out<StreamElement<byte[]>>(0)).To(s0);
            g.From(partition.Out<StreamElement<byte[]>>(1)).To(s1);
            return ClosedShape.Instance;
        })).Run(materializer);
        return Task.WhenAll(a, b);
    }

    /// <summary>Generator → partition → one exchange sender per target, fused in one graph (the sending task).</summary>
    public static void RunSender(IMaterializer materializer, IEnumerable<StreamElement<byte[]>> elements, int sourceBatch, ICanTell endpoint)
    {
        RunnableGraph.FromGraph(GraphDsl.Create(g =>
        {
            var source = g.Add(Source.From(elements));
            var partition = g.Add(Partition(sourceBatch));
            g.From(source.Outlet).To(partition.In<StreamElement<byte[]>>(0));
            for (var t = 0; t < Targets; t++)
            {
                var sender = g.Add(new ExchangeSenderStage<byte[]>(Channel(t), new ActorRefTransport(endpoint)));
                g.From(partition.Out<StreamElement<byte[]>>(t)).To(sender.In<StreamElement<byte[]>>(0));
            }
            return ClosedShape.Instance;
        })).Run(materializer);
    }

    /// <summary>One receiving task per target (each its own graph, so its own actor), counting records.</summary>
    public static Task RunReceivers(IMaterializer materializer, IActorRef endpoint, RecordCounter counter) =>
        Task.WhenAll(Enumerable.Range(0, Targets).Select(t =>
            Source.FromGraph(GraphDsl.Create(g => new SourceShape<StreamElement<byte[]>>(
                    g.Add(new ExchangeReceiverStage<byte[]>(Channel(t), Credits, endpoint)).Out<StreamElement<byte[]>>(0))))
                .RunWith(counter.Sink(), materializer)));
}

/// <summary>Counts the records reaching the sinks (and releases their batches, as a real sink would).</summary>
public sealed class RecordCounter
{
    private long _records, _batches;

    public long Records => Interlocked.Read(ref _records);

    public long Batches => Interlocked.Read(ref _batches);

    public Sink<StreamElement<byte[]>, Task<Done>> Sink() => Akka.Streams.Dsl.Sink.ForEach<StreamElement<byte[]>>(e =>
    {
        if (e is not RecordBatch<byte[]> batch) return;
        Interlocked.Add(ref _records, batch.Count);
        Interlocked.Increment(ref _batches);
        batch.Release();
    });
}
