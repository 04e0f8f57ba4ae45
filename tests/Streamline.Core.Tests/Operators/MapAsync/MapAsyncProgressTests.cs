using Akka.Actor;
using Streamline.Core.Dsl;
using Streamline.Core.Execution;
using Xunit;

namespace Streamline.Core.Tests.Operators.MapAsync;

public sealed class MapAsyncProgressTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("map-async-progress");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _system.Terminate();

    [Fact]
    public async Task Calls_that_complete_synchronously_after_a_slow_one_drains_do_not_stall_the_batch()
    {
        // Regression: once the one pending call completed and every slot drained, the rest of the
        // batch waited for a completion callback that no call would ever send.
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var p = PipelineBuilder.Create("progress");
        var output = p.FromCollection(Enumerable.Range(0, 10))
            .MapAsync(2, i => i == 0 ? slow.Task : Task.FromResult(i))
            .ToCollection();
        var running = LocalRunner.Run(p.Build(), _system);

        slow.SetResult(0);
        await running.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(0, 10), output.Values);
    }
}
