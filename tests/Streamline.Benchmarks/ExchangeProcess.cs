using System.Diagnostics;
using System.Globalization;

namespace Streamline.Benchmarks;

/// <summary>
/// The remote exchange with the receiving node in a second OS process: this benchmark's executable
/// started with the <c>exchange-receiver</c> role. The child prints its address, then serves
/// "run id" commands on stdin (endpoint + receivers, "READY", then "DONE cpu-s allocated-bytes").
/// </summary>
public static class ExchangeProcess
{
    public static async Task RunAsync(ExchangeNode a, long records, int maxWire)
    {
        using var child = Start(maxWire);
        try
        {
            var address = Akka.Actor.Address.Parse((await Expect(child, "ADDRESS"))[1]);
            var rows = new List<ExchangeRow>();
            await Run(a, child, address, "warm-up", Math.Min(records, 300_000), 1024);
            foreach (var batch in ExchangeBenchmarks.BatchSizes)
                rows.Add(await Run(a, child, address, $"remote, receiver process, batch {batch}", records, batch));
            ExchangeReport.Print("Remote exchange to a second OS process (cpu s and B/rec: both processes)", rows);
        }
        finally
        {
            await child.StandardInput.WriteLineAsync("quit");
            if (!child.WaitForExit(10_000)) child.Kill();
        }
    }

    private static async Task<ExchangeRow> Run(ExchangeNode a, Process child, Akka.Actor.Address address, string name, long records, int batch)
    {
        var id = Guid.NewGuid().ToString("N");
        await child.StandardInput.WriteLineAsync($"run {id}");
        await Expect(child, "READY");
        string[] done = [];
        var m = await Measurement.RunAsync(name, records, async () =>
        {
            ExchangeWorkload.RunSender(a.Materializer, ExchangeWorkload.Generate(records, 2 * batch), 2 * batch, a.Resolve(address, $"/user/exchange-{id}"));
            done = await Expect(child, "DONE").WaitAsync(TimeSpan.FromMinutes(10));
        });
        var received = long.Parse(done[1], CultureInfo.InvariantCulture);
        if (received != records) throw new InvalidOperationException($"{name}: {received} of {records} records arrived");
        m = m with
        {
            Cpu = m.Cpu + TimeSpan.FromSeconds(double.Parse(done[2], CultureInfo.InvariantCulture)),
            AllocatedBytes = m.AllocatedBytes + long.Parse(done[3], CultureInfo.InvariantCulture),
        };
        return new ExchangeRow(name, batch, double.Parse(done[4], CultureInfo.InvariantCulture), m);
    }

    private static Process Start(int maxWire)
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(path) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        // Under `dotnet exec`/`dotnet run` of a dll the host is dotnet itself: pass the benchmark dll.
        if (Path.GetFileNameWithoutExtension(path) == "dotnet") start.ArgumentList.Add(typeof(ExchangeProcess).Assembly.Location);
        start.ArgumentList.Add("exchange-receiver");
        start.ArgumentList.Add(maxWire.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the receiver process");
    }

    /// <summary>The next line of the child that starts with <paramref name="word"/> (Akka's log lines are skipped).</summary>
    private static async Task<string[]> Expect(Process child, string word)
    {
        while (await child.StandardOutput.ReadLineAsync() is { } line)
            if (line.StartsWith(word + " ", StringComparison.Ordinal) || line == word) return line.Split(' ');
        throw new InvalidOperationException($"the receiver process exited before '{word}'");
    }

    /// <summary>The child's side: node B, one endpoint and two receivers per run.</summary>
    public static async Task ReceiverAsync(int maxWire)
    {
        await using var b = new ExchangeNode("node-b", ExchangeNode.Remote(maxWire, RemoteTuning.Tuned));
        Console.WriteLine($"ADDRESS {b.Address}");
        var process = Process.GetCurrentProcess();
        while (Console.ReadLine() is { } command && command.StartsWith("run ", StringComparison.Ordinal))
        {
            var counter = new RecordCounter();
            var endpoint = b.StartEndpoint($"exchange-{command[4..]}");
            process.Refresh();
            var (cpu0, alloc0) = (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
            var received = ExchangeWorkload.RunReceivers(b.Materializer, endpoint, counter);
            Console.WriteLine("READY");
            await received;
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"DONE {counter.Records} {(process.TotalProcessorTime - cpu0).TotalSeconds} {GC.GetTotalAllocatedBytes(precise: true) - alloc0} {(double)counter.Records / counter.Batches}"));
        }
    }
}
