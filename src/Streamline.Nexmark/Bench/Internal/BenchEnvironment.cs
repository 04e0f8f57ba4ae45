using System.Runtime;
using System.Runtime.InteropServices;

namespace Streamline.Nexmark.Bench.Internal;

/// <summary>What a benchmark figure depends on besides the code (NEXMARK.md §4.4).</summary>
internal static class BenchEnvironment
{
    public static string Describe()
    {
        var concurrent = AppContext.GetData("System.GC.Concurrent") ?? "default";
        var pgo = Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? "default";
        return $"{CpuModel()}, {Environment.ProcessorCount} cores visible, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, " +
               $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC (concurrent {concurrent}), TieredPGO {pgo}";
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (UnauthorizedAccessException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
