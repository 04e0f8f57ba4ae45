using Akka.Actor;
using Akka.Configuration;
using Streamline.Benchmarks;
using Streamline.Samples.Clickstream;
using Streamline.Samples.Etl;

// Usage: dotnet run -c Release --project tests/Streamline.Benchmarks -- [core|kafka|all] [records]
//        dotnet run -c Release --project tests/Streamline.Benchmarks -- exchange [records] [soak-seconds]   (soak default 20; 300 = the 5 minutes)
//        dotnet run -c Release --project tests/Streamline.Benchmarks -- samples [good-documents]   (ETL corpus mix scales along)
//        dotnet run -c Release --project tests/Streamline.Benchmarks -- checkpoints [--seconds 10] [--rounds 5] [--warmup 1] [--state-mb 256] [--no-postgres] [--only throughput|large]
var what = args.Length > 0 ? args[0] : "all";
if (what == "checkpoints")
{
    Console.WriteLine($"Streamline checkpoint benchmark; {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                      $"server GC {System.Runtime.GCSettings.IsServerGC}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; load average {CheckpointBenchmarks.LoadAverage()}");
    Console.WriteLine($"Command: dotnet run -c Release --project tests/Streamline.Benchmarks -- {string.Join(' ', args)}");
    await CheckpointBenchmarks.RunAsync(CheckpointOptions.Parse(args[1..]));
    return;
}
if (what == "samples")
{
    await RunSamplesAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : null);
    return;
}

if (what == "exchange")
{
    var exchangeRecords = args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000_000;
    var soakSeconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
    Console.WriteLine($"Streamline exchange benchmark: {exchangeRecords:N0} records, soak {soakSeconds} s; {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                      $"server GC {System.Runtime.GCSettings.IsServerGC}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
    await ExchangeBenchmarks.RunAsync(exchangeRecords, soakSeconds);
    return;
}
if (what == "exchange-receiver")
{
    // The receiving node of the exchange benchmark in its own OS process (started by the `exchange` mode).
    await ExchangeProcess.ReceiverAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

var records = args.Length > 1 ? long.Parse(args[1]) : 10_000_000;
Console.WriteLine($"Streamline benchmarks: {what}, {records:N0} records; {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                  $"server GC {System.Runtime.GCSettings.IsServerGC}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
var system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
try
{
    if (what is "core" or "all")
    {
        // Warm-up pass so the measured pass runs tiered-up code.
        await CoreBenchmarks.RunAsync(system, Math.Min(records, 1_000_000));
        await CoreBenchmarks.RunAsync(system, records);
    }
    if (what is "kafka" or "all") await KafkaBenchmarks.RunAsync(system, Math.Min(records, 1_000_000));
}
finally
{
    await system.Terminate();
}

// The showcase workloads: ETL docs/s, MB/s and per-stage shares; sessionization events/s with and without skew.
static async Task RunSamplesAsync(int? documents)
{
    Console.WriteLine($"Streamline samples benchmark; {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                      $"server GC {System.Runtime.GCSettings.IsServerGC}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
    var options = new EtlBenchmarkOptions();
    if (documents is { } n)
    {
        // Scale every category of the default corpus so the mix stays the same.
        var scale = n / (double)options.Corpus.GoodDocuments;
        var c = options.Corpus;
        options.Corpus = c with
        {
            GoodDocuments = n,
            HtmlDocuments = Scaled(c.HtmlDocuments, scale),
            PiiDocuments = Scaled(c.PiiDocuments, scale),
            ExactDuplicates = Scaled(c.ExactDuplicates, scale),
            NearDuplicatesPerLevel = Scaled(c.NearDuplicatesPerLevel, scale),
            RejectsPerCategory = Scaled(c.RejectsPerCategory, scale),
            NonEnglishPerLanguage = Scaled(c.NonEnglishPerLanguage, scale),
        };
    }

    Console.WriteLine("ETL (training-data pipeline, local runner, parallelism 1):");
    Console.WriteLine(await EtlBenchmark.RunAsync(options));
    Console.WriteLine($"Clickstream (sessions + two-phase page counts + bot detection, {ClickstreamBenchmark.DefaultEvents:N0} events):");
    Console.WriteLine(await ClickstreamBenchmark.RunAsync());
}

static int Scaled(int value, double scale) => Math.Max(1, (int)Math.Round(value * scale));
