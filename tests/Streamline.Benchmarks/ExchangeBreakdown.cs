using Akka.Actor;
using Akka.Serialization;
using Streamline.Core.Records;
using Streamline.Runtime.Exchange.Messages;

namespace Streamline.Benchmarks;

/// <summary>
/// Where a remote exchange's time goes: the exchange serializer alone (ToBinary / FromBinary of one
/// batch in a loop), and Akka.Remote alone (byte[] messages of the same size streamed A → B with
/// the same window of 8 unacknowledged messages the credits allow).
/// </summary>
public static class ExchangeBreakdown
{
    public static async Task RunAsync(ExchangeNode a, ExchangeNode b, long records)
    {
        var rows = new List<ExchangeRow>();
        foreach (var batch in ExchangeBenchmarks.BatchSizes)
        {
            var data = new ExchangeData(ExchangeWorkload.Channel(0), 0, ExchangeWorkload.Generate(batch, batch).Single());
            var serializer = (SerializerWithStringManifest)a.System.Serialization.FindSerializerFor(data);
            var bytes = serializer.ToBinary(data);
            var messages = records / batch;
            rows.Add(Row(await Measurement.RunAsync($"serializer ToBinary ({bytes.Length:N0} B)", messages * batch, () =>
            {
                for (long i = 0; i < messages; i++) serializer.ToBinary(data);
                return Task.CompletedTask;
            }), batch));
            rows.Add(Row(await Measurement.RunAsync("serializer FromBinary", messages * batch, () =>
            {
                for (long i = 0; i < messages; i++) ((RecordBatch<byte[]>)((ExchangeData)serializer.FromBinary(bytes, "D")).Element).Release();
                return Task.CompletedTask;
            }), batch));
            await Stream(a, b, bytes.Length, 1000, batch);
            rows.Add(Row(await Stream(a, b, bytes.Length, messages, batch), batch));
        }
        ExchangeReport.Print("Where the time goes: serializer alone and Akka.Remote alone (records = messages × batch)", rows);
    }

    private static ExchangeRow Row(Measurement m, int batch) => new(m.Name, batch, batch, m);

    private static async Task<Measurement> Stream(ExchangeNode a, ExchangeNode b, int size, long messages, int batch)
    {
        var acker = b.System.ActorOf(Props.Create(() => new Acker()));
        var remote = a.Resolve(b.Address, acker.Path.ToStringWithoutAddress());
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var m = await Measurement.RunAsync($"Akka.Remote byte[{size:N0}], window 8", messages * batch, async () =>
        {
            a.System.ActorOf(Props.Create(() => new Blaster(remote, new byte[size], messages, ExchangeWorkload.Credits, done)));
            await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
        });
        b.System.Stop(acker);
        return m;
    }

    /// <summary>Acknowledges every message (with a 1-byte array, serialized by Akka's byte-array serializer).</summary>
    private sealed class Acker : ReceiveActor
    {
        private static readonly byte[] Ack = new byte[1];

        public Acker() => Receive<byte[]>(_ => Sender.Tell(Ack));
    }

    /// <summary>Keeps <c>window</c> messages unacknowledged until <c>messages</c> were acknowledged.</summary>
    private sealed class Blaster : ReceiveActor
    {
        private long _sent, _acked;

        public Blaster(IActorRef target, byte[] payload, long messages, int window, TaskCompletionSource done)
        {
            Receive<byte[]>(_ =>
            {
                if (++_acked == messages)
                {
                    done.TrySetResult();
                    Context.Stop(Self);
                }
                else if (_sent < messages) Send(target, payload);
            });
            for (var i = 0; i < window && _sent < messages; i++) Send(target, payload);
        }

        private void Send(IActorRef target, byte[] payload)
        {
            target.Tell(payload, Self);
            _sent++;
        }
    }
}
