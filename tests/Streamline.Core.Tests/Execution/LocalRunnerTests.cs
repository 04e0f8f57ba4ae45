using Akka.Actor;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Streamline.Core.Time;
using Streamline.Core.Windows;
using Xunit;

namespace Streamline.Core.Tests.Execution;

public sealed class LocalRunnerTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("local-runner-tests");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _system.Terminate();

    public sealed record Click(string User, string Page, long Time);

    [Fact]
    public async Task Keyed_tumbling_count_over_a_bounded_collection_fires_every_window()
    {
        var clicks = Enumerable.Range(0, 10_000).Select(i => new Click($"u{i % 7}", $"p{i % 3}", i * 10L)).ToList();
        var p = PipelineBuilder.Create("clicks");
        var counts = p.FromCollection(clicks, WatermarkStrategy<Click>.ForMonotonousTimestamps().WithTimestampAssigner(c => c.Time))
            .Filter(c => c.Page != "p2")
            .Map(c => c with { User = c.User.ToUpperInvariant() })
            .KeyBy(c => c.User)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(10)))
            .Count()
            .ToCollection("counts");

        var running = LocalRunner.Run(p.Build(), _system);
        await running.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        var expected = clicks.Where(c => c.Page != "p2")
            .GroupBy(c => (User: c.User.ToUpperInvariant(), Start: c.Time / 10_000 * 10_000))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var actual = counts.Values.ToDictionary(r => (User: r.Key, Start: r.Window.Start), r => r.Value);
        Assert.Equal(expected.OrderBy(kv => kv.Key).ToList(), actual.OrderBy(kv => kv.Key).ToList());
    }
}
