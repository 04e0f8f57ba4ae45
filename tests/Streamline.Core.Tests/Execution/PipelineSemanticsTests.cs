using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Operators;
using Streamline.Core.Time;
using Streamline.Core.Windows;
using Xunit;

namespace Streamline.Core.Tests.Execution;

/// <summary>Whole pipelines on the local runner: dead letters, fan-out, late side output, state cleanup.</summary>
public sealed class PipelineSemanticsTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("pipeline-semantics", ConfigurationFactory.ParseString("akka.loglevel = ERROR"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _system.Terminate();

    public sealed record Reading(string Sensor, long Time, int Value);

    private static WatermarkStrategy<Reading> ByTime() => WatermarkStrategy<Reading>.ForMonotonousTimestamps().WithTimestampAssigner(r => r.Time);

    private async Task<RunningPipeline> RunToEnd(PipelineBuilder p, RunOptions? options = null)
    {
        var running = LocalRunner.Run(p.Build(), _system, options);
        await running.Completion.WaitAsync(TimeSpan.FromSeconds(60));
        return running;
    }

    [Fact]
    public async Task A_throwing_map_filter_or_flat_map_sends_the_record_to_dead_letters_and_the_stream_continues()
    {
        var p = PipelineBuilder.Create("failing");
        var output = p.FromCollection(Enumerable.Range(1, 30))
            .Map(i => i % 10 == 3 ? throw new InvalidOperationException($"map rejects {i}") : i).Named("map")
            .Filter(i => i % 10 == 5 ? throw new ArgumentException($"filter rejects {i}") : true).Named("filter")
            .FlatMap(i => i % 10 == 7 ? throw new FormatException($"flat-map rejects {i}") : new[] { i, -i }).Named("flat-map")
            .ToCollection();
        var dead = p.DeadLetters().ToCollection();
        await RunToEnd(p);

        var kept = Enumerable.Range(1, 30).Where(i => i % 10 is not (3 or 5 or 7)).ToList();
        Assert.Equal(kept.SelectMany(i => new[] { i, -i }), output.Values);
        var reasons = dead.Values.Select(d => (d.Origin, d.Reason)).OrderBy(x => x.Reason).ToList();
        Assert.Equal(9, reasons.Count);
        foreach (var i in new[] { 3, 13, 23 }) Assert.Contains(("map", $"InvalidOperationException: map rejects {i} (record: {i})"), reasons);
        foreach (var i in new[] { 5, 15, 25 }) Assert.Contains(("filter", $"ArgumentException: filter rejects {i} (record: {i})"), reasons);
        foreach (var i in new[] { 7, 17, 27 }) Assert.Contains(("flat-map", $"FormatException: flat-map rejects {i} (record: {i})"), reasons);
    }

    [Fact]
    public async Task A_failing_async_call_becomes_a_dead_letter_while_the_other_results_keep_order()
    {
        var p = PipelineBuilder.Create("async");
        var output = p.FromCollection(Enumerable.Range(0, 2_000))
            .MapAsync(4, async i =>
            {
                if (i % 3 == 0) await Task.Yield();
                return i == 1_234 ? throw new TimeoutException("backend timed out") : i * 2;
            })
            .ToCollection();
        var dead = p.DeadLetters().ToCollection();
        await RunToEnd(p);

        Assert.Equal(Enumerable.Range(0, 2_000).Where(i => i != 1_234).Select(i => i * 2), output.Values);
        var letter = Assert.Single(dead.Values);
        Assert.Contains("TimeoutException: backend timed out", letter.Reason);
    }

    [Fact]
    public async Task A_stream_consumed_by_two_sinks_delivers_every_record_to_both()
    {
        var p = PipelineBuilder.Create("fan-out");
        var doubled = p.FromCollection(Enumerable.Range(0, 5_000)).Map(i => i * 2);
        var first = doubled.ToCollection("first");
        var second = doubled.Filter(i => i % 4 == 0).ToCollection("second");
        var third = doubled.ToCollection("third");
        await RunToEnd(p);

        var expected = Enumerable.Range(0, 5_000).Select(i => i * 2).ToList();
        Assert.Equal(expected, first.Values);
        Assert.Equal(expected.Where(i => i % 4 == 0), second.Values);
        Assert.Equal(expected, third.Values);
    }

    [Fact]
    public async Task Window_state_is_empty_after_every_window_fired()
    {
        var p = PipelineBuilder.Create("purge");
        var readings = Enumerable.Range(0, 3_000).Select(i => new Reading($"s{i % 13}", i * 7L, i)).ToList();
        var sums = p.FromCollection(readings, ByTime())
            .KeyBy(r => r.Sensor)
            .Window(SlidingEventTimeWindows.Of(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250)))
            .Aggregate(Aggregates.Sum<Reading>(r => r.Value))
            .Named("sums")
            .ToCollection();
        var running = await RunToEnd(p);

        var expected = readings
            .SelectMany(r => Enumerable.Range(0, 4).Select(k => (r.Sensor, Start: r.Time / 250 * 250 - k * 250L, r.Value)))
            .GroupBy(x => (x.Sensor, x.Start))
            .ToDictionary(g => g.Key, g => (double)g.Sum(x => x.Value));
        Assert.Equal(expected.OrderBy(kv => kv.Key).ToList(), sums.Values.ToDictionary(r => (r.Key, r.Window.Start), r => r.Value).OrderBy(kv => kv.Key).ToList());
        var backend = Assert.Single(running.StateOf("sums"));
        Assert.All(backend.Tables, t => Assert.Equal(0, t.Count));
    }

    [Fact]
    public async Task Late_records_reach_the_late_side_output_and_allowed_late_ones_refire()
    {
        var late = new OutputTag<Reading>("late");
        var p = PipelineBuilder.Create("late");
        // One record per batch so a watermark follows every record.
        var options = new RunOptions { Settings = StreamlineSettings.Create().WithMaxBatchSize(1) };
        var readings = new[]
        {
            new Reading("a", 100, 1), new Reading("a", 200, 1),
            new Reading("a", 1_500, 1), // watermark 1499: [0,1000) fires with 2
            new Reading("a", 300, 1),   // allowed (lateness 1 s): refires with 3
            new Reading("a", 2_500, 1), // watermark 2499: [0,1000) is gone
            new Reading("a", 400, 1),   // too late
            new Reading("b", 999, 1),   // too late, another key
        };
        var counts = p.FromCollection(readings, ByTime())
            .KeyBy(r => r.Sensor)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(1)))
            .AllowedLateness(TimeSpan.FromSeconds(1))
            .SideOutputLateData(late)
            .Count()
            .Named("counts");
        var results = counts.ToCollection("results");
        var lateRecords = counts.SideOutput(late).ToCollection("late-records");
        await RunToEnd(p, options);

        Assert.Equal(
            new[] { (0L, 2L), (0L, 3L), (1_000L, 1L), (2_000L, 1L) },
            results.Values.Where(r => r.Key == "a").Select(r => (r.Window.Start, r.Value)).OrderBy(x => x).ToArray());
        Assert.Equal(new[] { new Reading("a", 400, 1), new Reading("b", 999, 1) }, lateRecords.Values);
    }
}
