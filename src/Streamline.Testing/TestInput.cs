using Streamline.Core.Records;
using Streamline.Core.Sources;

namespace Streamline.Testing;

/// <summary>
/// A typed input topic of a <see cref="PipelineTestDriver"/>: push records with event timestamps.
/// Records pushed to one input keep their order; across inputs, the driver processes everything
/// pushed to the other inputs before the first push to this one, so a test's pushes happen in
/// the order it makes them.
/// </summary>
public sealed class TestInput<T>
{
    private readonly TaskCompletionSource<EnumerableSourceControl<T>> _control = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<string> _beforeUse;

    internal TestInput(string name, Action<string> beforeUse)
    {
        Name = name;
        _beforeUse = beforeUse;
    }

    public string Name { get; }

    internal void Attach(EnumerableSourceControl<T> control) => _control.TrySetResult(control);

    internal EnumerableSourceControl<T> Control => _control.Task.Wait(TimeSpan.FromSeconds(30))
        ? _control.Task.Result
        : throw new TimeoutException($"test input '{Name}' did not start");

    /// <summary>Pushes one record with its event timestamp (ms since the Unix epoch).</summary>
    public TestInput<T> Push(T value, long timestamp) => PushAll(new[] { (value, timestamp) });

    public TestInput<T> Push(T value, DateTimeOffset timestamp) => Push(value, timestamp.ToUnixTimeMilliseconds());

    public TestInput<T> PushAll(IEnumerable<(T Value, long Timestamp)> records)
    {
        var list = records.Select(r => (r.Value, (long?)r.Timestamp)).ToList();
        _beforeUse(Name);
        Control.Offer(list).GetAwaiter().GetResult();
        return this;
    }

    /// <summary>Declares that no record at or before <paramref name="timestamp"/> will follow on this input.</summary>
    public TestInput<T> AdvanceWatermark(long timestamp)
    {
        _beforeUse(Name);
        Control.InjectSignal(new Watermark(timestamp)).GetAwaiter().GetResult();
        return this;
    }

    /// <summary>Marks this input idle (or active again): an idle input does not hold back event time.</summary>
    public TestInput<T> MarkIdle(bool idle = true)
    {
        _beforeUse(Name);
        Control.InjectSignal(new IdleStatus(idle)).GetAwaiter().GetResult();
        return this;
    }
}
