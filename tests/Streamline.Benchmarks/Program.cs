using Akka.Actor;
using Akka.Configuration;
using Streamline.Benchmarks;

// Usage: dotnet run -c Release --project tests/Streamline.Benchmarks -- [core|kafka|all] [records]
var what = args.Length > 0 ? args[0] : "all";
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
