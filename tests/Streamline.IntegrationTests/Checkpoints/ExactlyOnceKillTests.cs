using System.Diagnostics;
using System.Text.RegularExpressions;
using Streamline.Kafka.Embedded;
using Streamline.Runtime.Checkpoints;
using Streamline.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Streamline.IntegrationTests.Checkpoints;

/// <summary>
/// Slow, real processes: a `streamline node` running the keyed windowed sensor-sums pipeline from
/// embedded Kafka to Kafka is killed (SIGKILL, no shutdown) several times mid-stream while input
/// keeps arriving, and restarted; it resumes from its last checkpoint in a SQLite file or a private
/// PostgreSQL database. Every window sum it ever wrote must equal the sum computed from the input:
/// a lost record makes a sum smaller, a record counted twice makes it larger.
/// </summary>
[Trait("Category", "MultiNode")]
public sealed partial class ExactlyOnceKillTests(ITestOutputHelper output) : IDisposable
{
    private readonly EmbeddedKafka _kafka = EmbeddedKafka.Start();
    private readonly NodeGroup _nodes = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("streamline-eo-").FullName;
    private PostgresInstance? _postgres;

    public void Dispose()
    {
        _nodes.Dispose();
        _kafka.Dispose();
        _postgres?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public Task Killing_a_single_node_mid_stream_repeatedly_neither_loses_nor_double_counts_with_SQLite() =>
        KillRepeatedlyMidStream($"""streamline.runtime.checkpoints.sqlite-path = "{Path.Combine(_dir, "state.db")}" """);

    [Fact]
    public Task Killing_a_single_node_mid_stream_repeatedly_neither_loses_nor_double_counts_with_PostgreSQL()
    {
        var postgres = _postgres = new PostgresInstance();
        return KillRepeatedlyMidStream(PostgresPersistence(postgres.CreateDatabase()));
    }

    /// <summary>
    /// PostgreSQL stopped while the pipeline runs: checkpoints fail but records keep flowing; once the
    /// server is back checkpoints complete again, and a node killed after that restores one of them
    /// and every window sum is still exact.
    /// </summary>
    [Fact]
    public async Task Database_down_during_a_run_and_back_loses_no_checkpointed_state_and_checkpoints_resume()
    {
        var postgres = _postgres = new PostgresInstance();
        var stream = new SensorStream(_kafka);
        stream.CreateTopics();
        // The snapshot store's circuit breaker keeps the product's setting (CheckpointPersistenceConfig:
        // it does not open). With Akka's default it opens after 5 failed saves, one failed checkpoint,
        // and refuses every save for 60 s, long after the database is back; and when it is half open,
        // a second save makes the store crash and lose that request.
        var config = WriteConfig(PostgresPersistence(postgres.CreateDatabase()) + """

            # The database is stopped right after a checkpoint completed; with 1.5 s to the next one
            # it is down before that starts, so every checkpoint of the outage fails at the tasks'
            # stores. (One whose completion the journal could not record fails in the checkpoint log
            # instead: JournalOutageTests.)
            streamline.runtime.checkpoints.interval = 1500ms
            # Every checkpoint tried while the database is down fails within milliseconds (connection
            # refused), one every 1.5 s: the outage below is several failures in a row. With the
            # default (5) the coordinator could restart the pipeline, and that restart loads the last
            # checkpoint from the very database that is down, so nothing would run until it is back.
            # This test is about riding the outage out: processing goes on and only checkpoints
            # fail, so no restart may happen (asserted below).
            streamline.runtime.checkpoints.tolerable-failures = 1000
            """);
        using var stop = new CancellationTokenSource();
        var producing = stream.ProduceUntil(stop.Token, perSecond: 3000);

        var node = Start(config);
        var beforeStop = await _nodes.NextCheckpoint(node, 0, TimeSpan.FromSeconds(60));
        var down = Stopwatch.StartNew();
        postgres.Stop(PostgresStopMode.Fast);
        var stopping = down.Elapsed;

        // Checkpoints now fail: the coordinator's message, for a checkpoint after the last one before the stop.
        var failure = await _nodes.WithLogs(node.WaitForLine(l => FailedCheckpoint(l) > beforeStop, TimeSpan.FromSeconds(30)));
        output.WriteLine($"PostgreSQL stopped in {stopping.TotalMilliseconds:F0} ms; first failure {down.Elapsed.TotalMilliseconds:F0} ms after the stop began: {failure}");
        // A checkpoint that completed while the server went down is printed before any later one's failure.
        var lastBefore = NodeGroup.LastCompleted(node);

        // Processing goes on without the database: window sums keep arriving in `sums` while more checkpoints fail.
        var sumsAtFailure = stream.SumsWritten();
        await WaitUntil(() => stream.SumsWritten() >= sumsAtFailure + 50 && FailuresAfter(node, lastBefore) >= 3, TimeSpan.FromSeconds(30),
            () => $"sums written: {stream.SumsWritten()} ({sumsAtFailure} at the first failure); checkpoints failed after {lastBefore}: {FailuresAfter(node, lastBefore)}");
        Assert.False(postgres.IsRunning);
        var sumsInOutage = stream.SumsWritten() - sumsAtFailure;
        var failedInOutage = FailuresAfter(node, lastBefore);

        var outage = down.Elapsed;
        var back = Stopwatch.StartNew();
        postgres.Start();
        var starting = back.Elapsed;
        var afterOutage = await _nodes.NextCheckpoint(node, lastBefore, TimeSpan.FromSeconds(30));
        output.WriteLine($"outage {outage.TotalSeconds:F1} s: {failedInOutage} checkpoints failed after checkpoint {lastBefore}, {sumsInOutage} sums written meanwhile; " +
                         $"PostgreSQL started in {starting.TotalMilliseconds:F0} ms, then checkpoint {afterOutage} completed {(back.Elapsed - starting).TotalMilliseconds:F0} ms later");
        Assert.True(!node.Output.Contains("Restarting", StringComparison.Ordinal), "the pipeline restarted during the outage\n" + _nodes.Logs());

        // Not a synchronization: the kill lands at a random moment between checkpoints.
        await Task.Delay(Random.Shared.Next(100, 800));
        node.Kill();
        stop.Cancel();
        await producing;
        stream.ProduceEndMarkers();
        var final = Start(config);
        var restoredLine = await _nodes.WithLogs(final.WaitForLine(l => RestoredLine().IsMatch(l), TimeSpan.FromSeconds(60)));
        var restored = long.Parse(RestoredLine().Match(restoredLine).Groups[1].Value);
        output.WriteLine($"after the kill: {restoredLine}");
        Assert.True(restored >= afterOutage, $"the restarted node restored checkpoint {restored}, older than checkpoint {afterOutage} completed after the outage\n{_nodes.Logs()}");

        AssertEverySumExact(stream);
    }

    private async Task KillRepeatedlyMidStream(string persistence)
    {
        var stream = new SensorStream(_kafka);
        stream.CreateTopics();
        var config = WriteConfig(persistence);
        using var stop = new CancellationTokenSource();
        var producing = stream.ProduceUntil(stop.Token, perSecond: 3000);

        var lastCheckpoint = 0L;
        for (var kill = 0; kill < 3; kill++)
        {
            var node = Start(config);
            // Wait for two checkpoints of this run: state is being written while records flow.
            var first = await _nodes.NextCheckpoint(node, lastCheckpoint, TimeSpan.FromSeconds(60));
            lastCheckpoint = await _nodes.NextCheckpoint(node, first, TimeSpan.FromSeconds(60));
            if (kill > 0) Assert.Contains("restored checkpoint", node.Output);
            // Not a synchronization: the kill lands at a random moment between checkpoints, so
            // records after the last one were already processed (and some windows written).
            await Task.Delay(Random.Shared.Next(100, 800));
            node.Kill();
            output.WriteLine($"kill {kill + 1}: after checkpoint {lastCheckpoint}, {stream.Produced} readings produced so far");
        }

        stop.Cancel();
        await producing;
        stream.ProduceEndMarkers();
        var final = Start(config);
        await _nodes.WithLogs(final.WaitForLine(l => l.Contains("restored checkpoint"), TimeSpan.FromSeconds(60)));

        AssertEverySumExact(stream);
    }

    private void AssertEverySumExact(SensorStream stream)
    {
        var expected = SensorStream.Expected(stream.Produced);
        var sums = stream.ReadSums(expected.Keys, TimeSpan.FromSeconds(120));
        output.WriteLine($"{stream.Produced} readings, {expected.Count} windows, {sums.Count} sums written ({sums.Count - sums.Select(s => s.Window).Distinct().Count()} re-emitted after restores)");
        if (SensorStream.Mismatch(expected, sums) is { } mismatch) Assert.Fail(mismatch + "\n" + _nodes.Logs());
    }

    /// <summary>Journal and snapshot store in a PostgreSQL database, as <c>CheckpointPersistenceConfig.Postgres</c> configures them.</summary>
    private static string PostgresPersistence(string connectionString) =>
        CheckpointPersistenceConfig.Text(connectionString, CheckpointPersistenceConfig.PostgresProviderName);

    private NodeProcess Start(string config)
    {
        var node = new NodeProcess(config, "--kafka", _kafka.BootstrapServers, "--submit", "sensor-sums");
        _nodes.Add(node);
        return node;
    }

    /// <summary>The id of the checkpoint a coordinator's failure line reports, or 0 for another line.</summary>
    private static long FailedCheckpoint(string line) =>
        FailureLine().Match(line) is { Success: true } m ? long.Parse(m.Groups[1].Value) : 0;

    private static int FailuresAfter(NodeProcess node, long checkpoint) =>
        node.Output.Split('\n').Select(FailedCheckpoint).Where(id => id > checkpoint).Distinct().Count();

    /// <summary>Checks <paramref name="condition"/> (an outside observation: Kafka offsets, the node's output) until it holds or the timeout passes.</summary>
    private async Task WaitUntil(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"not within {timeout}: {describe()}\n{_nodes.Logs()}");
            await poll.WaitForNextTickAsync();
        }
    }

    private string WriteConfig(string extra) =>
        NodeConfig.Write(Path.Combine(_dir, "node.conf"), LoopbackPort.Free(), $"""
            streamline.runtime.checkpoints.interval = 300ms
            streamline.runtime.coordinator.restart-backoff = 100ms
            {extra}
            """);

    [GeneratedRegex(@"checkpoint (\d+) of pipeline 'sensor-sums' failed")]
    private static partial Regex FailureLine();

    [GeneratedRegex(@"restored checkpoint (\d+)")]
    private static partial Regex RestoredLine();
}
