using Streamline.Nexmark.Bench;
using Streamline.Nexmark.Generator;
using Xunit;

namespace Streamline.Nexmark.Tests.Bench;

/// <summary>The runner's bookkeeping (what ran, what was counted), not its speed.</summary>
public sealed class NexmarkBenchmarkTests
{
    [Fact]
    public async Task Engine_mode_runs_warmup_plus_measured_events_through_the_query_into_the_sink()
    {
        var options = new NexmarkBenchOptions { Query = "q2", Events = 40_000, WarmupEvents = 10_000, ProgressInterval = TimeSpan.FromMinutes(1) };
        var output = new StringWriter();

        var result = await NexmarkBenchmark.RunAsync(options, output, CancellationToken.None);

        var expected = NexmarkGenerator.Generate(options.BuildGeneratorConfig()).Count(e => e.Bid is { } b && b.Auction % 123 == 0);
        Assert.Equal(expected, result.Results);
        Assert.Equal(40_000, result.Events);
        Assert.True(result.CpuSeconds > 0 && result.GeneratorCpuSeconds > 0 && result.AllocatedBytes > 0);
        Assert.Contains("generator alone", output.ToString());
    }

    [Fact]
    public void Options_parse_the_command_line_flags()
    {
        var o = NexmarkBenchOptions.Parse(["--query", "q7", "--events", "2_000_000", "--warmup", "0", "--mode", "latency", "--rate", "50000", "--watermark-delay-ms", "0"]);

        Assert.Equal(("q7", 2_000_000L, 0L, NexmarkBenchMode.Latency, 50_000, TimeSpan.Zero),
            (o.Query, o.Events, o.EffectiveWarmupEvents, o.Mode, o.LatencyRate, o.WatermarkDelay));
        Assert.Equal(50_000, o.BuildGeneratorConfig().FirstEventRate);
        Assert.Throws<ArgumentException>(() => NexmarkBenchOptions.Parse(["--query", "q99"]));
    }
}
