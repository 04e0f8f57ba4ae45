using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Confluent.Kafka;
using Streamline.Kafka.Embedded;
using Streamline.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.IntegrationTests.Operations;

/// <summary>
/// Slow, real processes: the operator's path through the `streamline` CLI against a running
/// `streamline node` (SQLite journal and states): status, savepoint, stop; a node submitted from a
/// savepoint that does not exist exits 1 with the reason; one submitted from the savepoint taken
/// restores it. Every CLI call is its own process, as an operator runs it.
/// </summary>
[Trait("Category", "MultiNode")]
public sealed partial class OperationsCliTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly EmbeddedKafka _kafka = EmbeddedKafka.Start();
    private readonly List<NodeProcess> _nodes = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("streamline-operations-cli-").FullName;

    public void Dispose()
    {
        foreach (var n in _nodes) n.Dispose();
        _kafka.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Savepoint_stop_and_status_from_the_cli_then_a_node_submits_the_pipeline_from_the_savepoint()
    {
        _kafka.CreateTopic("readings", 3);
        _kafka.CreateTopic("sums", 3);
        Produce(2_000);
        var config = WriteConfig(LoopbackPort.Free());

        var first = Start(config, "--submit", "sensor-sums");
        await WithLogs(first.WaitForLine(l => l.Contains("task sensor-sums/v1#2"), Timeout));
        var url = HealthUrl(first);

        var list = await Cli("status", "--url", url);
        Assert.True(list.Exit == 0, list.ToString());
        Assert.Matches(@"(?m)^PIPELINE\s+STATE\s+EPOCH\s+RESTARTS\s+TASKS\s+LAST CHECKPOINT$", list.Out);
        Assert.Matches(@"(?m)^sensor-sums\s+Running\s+0\s+0\s+6\s", list.Out);
        Assert.Contains("registered on this node: page-view-counts, sensor-sums", list.Out);

        var status = await Cli("status", "--url", url, "--pipeline", "sensor-sums");
        Assert.True(status.Exit == 0, status.ToString());
        Assert.Contains("pipeline sensor-sums: Running (epoch 0, restarts 0)", status.Out);
        Assert.Matches(@"(?m)^TASK\s+NODE\s+RECORDS IN\s+RECORDS OUT\s+BACKPRESSURE\s+BLOCKED\s+WATERMARK\s+FINISHED$", status.Out);
        Assert.Matches(@"(?m)^sensor-sums/v1#2\s+akka\.tcp://streamline@127\.0\.0\.1:\d+\s", status.Out);

        var savepoint = await Cli("savepoint", "--url", url, "--pipeline", "sensor-sums");
        Assert.True(savepoint.Exit == 0, savepoint.ToString());
        var id = long.Parse(SavepointLine().Match(savepoint.Out).Groups[1].Value);
        Assert.Contains($"--submit sensor-sums --from-savepoint {id}", savepoint.Out);

        var stop = await Cli("stop", "--url", url, "--pipeline", "sensor-sums");
        Assert.True(stop.Exit == 0, stop.ToString());
        Assert.Contains("pipeline sensor-sums: stopped (Finished)", stop.Out);
        await WithLogs(first.WaitForLine(l => l.Contains("pipeline sensor-sums: Finished"), Timeout));

        // The server's message on stderr, exit code 1.
        var gone = await Cli("status", "--url", url, "--pipeline", "sensor-sums");
        Assert.Equal(1, gone.Exit);
        Assert.Contains("error: pipeline 'sensor-sums' is not running in this cluster; running: none", gone.Err);
        var unknown = await Cli("savepoint", "--url", url, "--pipeline", "nope");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("pipeline 'nope' is not running in this cluster", unknown.Err);
        Assert.Equal(0, await first.TerminateAsync(Timeout));

        // A savepoint the pipeline does not have: the node says which it has, leaves, exits 1.
        var wrong = await Cli("node", "--config", config, "--kafka", _kafka.BootstrapServers, "--submit", "sensor-sums", "--from-savepoint", (id + 100).ToString());
        Assert.True(wrong.Exit == 1, wrong.ToString());
        Assert.Contains($"error: pipeline sensor-sums did not start: pipeline 'sensor-sums' cannot start from savepoint {id + 100}: there is no such savepoint (savepoints: {id})", wrong.Err);

        var resumed = Start(config, "--submit", "sensor-sums", "--from-savepoint", id.ToString());
        await WithLogs(resumed.WaitForLine(l => l.Contains($"pipeline sensor-sums: Running") && l.Contains($"restored checkpoint {id}"), Timeout));
        var after = await Cli("status", "--url", HealthUrl(resumed), "--pipeline", "sensor-sums");
        Assert.True(after.Exit == 0, after.ToString());
        Assert.Contains($"restored from checkpoint or savepoint {id}", after.Out);
        var stopAgain = await Cli("stop", "--url", HealthUrl(resumed), "--pipeline", "sensor-sums");
        Assert.True(stopAgain.Exit == 0, stopAgain.ToString());

        // Savepoints are kept until deleted, and can be deleted once no longer wanted.
        var listed = await Cli("savepoints", "--url", HealthUrl(resumed), "--pipeline", "sensor-sums");
        Assert.True(listed.Exit == 0, listed.ToString());
        Assert.Matches(@"(?m)^SAVEPOINT\s+COMPLETED \(UTC\)\s+BYTES\s+PARALLELISM \(VERTEX:TASKS\)$", listed.Out);
        Assert.Matches($@"(?m)^\s*{id}\s+\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d\s+[\d,]+\s+v0:3 v1:3$", listed.Out);
        var deleted = await Cli("delete-savepoint", "--url", HealthUrl(resumed), "--pipeline", "sensor-sums", "--savepoint", id.ToString());
        Assert.True(deleted.Exit == 0, deleted.ToString());
        Assert.Contains($"pipeline sensor-sums: savepoint {id} deleted", deleted.Out);
        var none = await Cli("savepoints", "--url", HealthUrl(resumed), "--pipeline", "sensor-sums");
        Assert.Contains("pipeline sensor-sums has no savepoints", none.Out);
        var again = await Cli("delete-savepoint", "--url", HealthUrl(resumed), "--pipeline", "sensor-sums", "--savepoint", id.ToString());
        Assert.Equal(1, again.Exit);
        Assert.Contains($"error: pipeline 'sensor-sums' has no savepoint {id} (savepoints: none)", again.Err);
    }

    private sealed record CliResult(int Exit, string Out, string Err)
    {
        public override string ToString() => $"exit {Exit}\nstdout:\n{Out}\nstderr:\n{Err}";
    }

    [GeneratedRegex(@"savepoint (\d+) taken")]
    private static partial Regex SavepointLine();

    [GeneratedRegex(@"health endpoints: (http://127\.0\.0\.1:\d+)/alive")]
    private static partial Regex HealthLine();

    private NodeProcess Start(string config, params string[] args)
    {
        var node = new NodeProcess(config, ["--kafka", _kafka.BootstrapServers, .. args]);
        _nodes.Add(node);
        return node;
    }

    private static string HealthUrl(NodeProcess node) => HealthLine().Match(node.Output).Groups[1].Value is { Length: > 0 } url
        ? url
        : throw new InvalidOperationException("the node printed no health endpoint:\n" + node.Output);

    /// <summary>One `streamline` CLI command as its own process, to its exit.</summary>
    private async Task<CliResult> Cli(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(NodeProcess.HostDll());
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);
        var result = new CliResult(process.ExitCode, await stdout, await stderr);
        output.WriteLine($"$ streamline {string.Join(' ', args)}\n{result}");
        return result;
    }

    private async Task WithLogs(Task wait)
    {
        try
        {
            await wait;
        }
        catch (TimeoutException)
        {
            Assert.Fail("a node did not get there in time:\n" + string.Join("\n---\n", _nodes.Select(n => n.Output)));
        }
    }

    private void Produce(int count)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = _kafka.BootstrapServers, LingerMs = 5 }).Build();
        for (var i = 0; i < count; i++)
        {
            var reading = new { Sensor = $"s{i % 7}", Time = 1_000_000 + i * 5L, Value = i % 3 };
            producer.Produce("readings", new Message<string, string> { Key = reading.Sensor, Value = JsonSerializer.Serialize(reading, JsonSerializerOptions.Web) });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    private string WriteConfig(int port) =>
        NodeConfig.Write(Path.Combine(_dir, "node.conf"), port, $$"""
            akka.cluster.min-nr-of-members = 1
            # The CLI finds the node through this listener (the node prints the port the OS chose).
            streamline.node.health { hostname = "127.0.0.1", port = 0 }
            streamline.runtime.checkpoints.sqlite-path = "{{Path.Combine(_dir, "state.db")}}"
            streamline.runtime.checkpoints.interval = off
            """);
}
