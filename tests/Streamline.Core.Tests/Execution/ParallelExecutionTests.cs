using Akka.Actor;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Operators.Process;
using Streamline.Core.Time;
using Streamline.Core.Windows;
using Xunit;

namespace Streamline.Core.Tests.Execution;

/// <summary>Operators with several instances in one process, connected by hash exchanges.</summary>
public sealed class ParallelExecutionTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("parallel-execution-tests");

    public sealed record Reading(string Sensor, long Time, int Value);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _system.Terminate();

    private sealed class RunningTotal : KeyedProcessFunction<string, Reading, (string, long)>
    {
        public override void ProcessElement(Reading value, KeyedProcessContext<string, (string, long)> ctx)
        {
            var total = ctx.GetValueState<long>("total");
            total.Value += value.Value;
            ctx.Emit((value.Sensor, total.Value));
        }
    }

    [Fact]
    public async Task Keyed_windows_over_three_source_and_two_window_instances_give_exact_results()
    {
        var readings = Enumerable.Range(0, 30_000).Select(i => new Reading($"s{i % 101}", i * 3L, i % 17)).ToList();
        var p = PipelineBuilder.Create("parallel", defaultParallelism: 2);
        var sums = p.FromCollection(readings, WatermarkStrategy<Reading>.ForBoundedOutOfOrderness(TimeSpan.FromSeconds(1)).WithTimestampAssigner(r => r.Time))
            .WithParallelism(3)
            .KeyBy(r => r.Sensor)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(5)))
            .Aggregate(Aggregates.Sum<Reading>(r => r.Value))
            .WithParallelism(2)
            .ToCollection("sums");
        var definition = p.Build();
        var running = LocalRunner.Run(definition, _system);
        await running.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        var expected = readings.GroupBy(r => (r.Sensor, r.Time / 5000 * 5000)).ToDictionary(g => g.Key, g => (double)g.Sum(r => r.Value));
        var actual = sums.Values.ToDictionary(r => (r.Key, r.Window.Start), r => r.Value);
        Assert.Equal(expected.Count, sums.Values.Count);
        Assert.Equal(expected.OrderBy(kv => kv.Key).ToList(), actual.OrderBy(kv => kv.Key).ToList());
        Assert.Contains("x3", definition.Explain());
        Assert.Contains("[hash by r => r.Sensor]", definition.Explain());
    }

    [Fact]
    public async Task Every_key_is_processed_by_exactly_one_instance_which_holds_its_state()
    {
        var readings = Enumerable.Range(0, 5_000).Select(i => new Reading($"s{i % 50}", i, 1)).ToList();
        var p = PipelineBuilder.Create("totals");
        var totals = p.FromCollection(readings).WithParallelism(2)
            .KeyBy(r => r.Sensor).Process(new RunningTotal()).Named("totals").WithParallelism(4)
            .ToCollection("out");
        var running = LocalRunner.Run(p.Build(), _system);
        await running.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        // Running totals per key reach exactly the key's count: no key was split across instances.
        var finals = totals.Values.GroupBy(t => t.Item1).ToDictionary(g => g.Key, g => g.Max(t => t.Item2));
        Assert.Equal(50, finals.Count);
        Assert.All(finals.Values, total => Assert.Equal(100, total));
        Assert.Equal(4, running.StateOf("totals").Count);
        Assert.All(running.StateOf("totals"), backend => Assert.True(backend.Tables.Single(t => t.Name == "total").Count > 0));
    }
}
