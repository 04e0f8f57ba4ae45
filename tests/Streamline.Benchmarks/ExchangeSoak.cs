using System.Diagnostics;

namespace Streamline.Benchmarks;

/// <summary>Runs the remote exchange for a while, printing records/s and memory every 5 s, to show memory stays flat.</summary>
public static class ExchangeSoak
{
    public static async Task RunAsync(ExchangeNode a, ExchangeNode b, int batch, int seconds)
    {
        Console.WriteLine();
        Console.WriteLine($"## Soak: remote exchange, batch {batch}, {seconds} s");
        Console.WriteLine($"| {"t s",5} | {"rec/s",11} | {"working set MB",14} | {"managed heap MB",15} | {"gc0/1/2",12} |");
        Console.WriteLine("|---|---|---|---|---|");
        var stop = new StrongBox();
        var counter = new RecordCounter();
        var endpoint = b.StartEndpoint("exchange-soak");
        var received = ExchangeWorkload.RunReceivers(b.Materializer, endpoint, counter);
        ExchangeWorkload.RunSender(a.Materializer, ExchangeWorkload.Generate(long.MaxValue, 2 * batch, () => stop.Stopped),
            2 * batch, a.Resolve(b.Address, "/user/exchange-soak"));

        var process = Process.GetCurrentProcess();
        long minWs = long.MaxValue, maxWs = 0, last = 0;
        double minRate = double.MaxValue, maxRate = 0;
        var clock = Stopwatch.StartNew();
        for (var t = 5; t <= seconds; t += 5)
        {
            await Task.Delay(TimeSpan.FromSeconds(t) - clock.Elapsed);
            var now = counter.Records;
            var rate = (now - last) / 5.0;
            last = now;
            process.Refresh();
            var ws = process.WorkingSet64;
            minWs = Math.Min(minWs, ws);
            maxWs = Math.Max(maxWs, ws);
            minRate = Math.Min(minRate, rate);
            maxRate = Math.Max(maxRate, rate);
            Console.WriteLine($"| {t,5} | {rate,11:N0} | {ws / 1e6,14:F1} | {GC.GetTotalMemory(false) / 1e6,15:F1} | " +
                              $"{$"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}",12} |");
        }
        stop.Stopped = true;
        await received.WaitAsync(TimeSpan.FromMinutes(1));
        Console.WriteLine($"records {counter.Records:N0} in {clock.Elapsed.TotalSeconds:F0} s; rec/s per 5 s min {minRate:N0} max {maxRate:N0}; " +
                          $"working set min {minWs / 1e6:F1} MB max {maxWs / 1e6:F1} MB");
    }

    private sealed class StrongBox
    {
        private volatile bool _stopped;

        public bool Stopped
        {
            get => _stopped;
            set => _stopped = value;
        }
    }
}
