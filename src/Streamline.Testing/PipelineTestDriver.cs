using Akka.Actor;
using Akka.Configuration;
using Streamline.Core.Execution;
using Streamline.Core.Graph;
using Streamline.Core.Graph.Nodes;
using Streamline.Core.Records;
using Streamline.Core.State;
using Streamline.Core.Time;

namespace Streamline.Testing;

/// <summary>
/// Runs a pipeline in-process with in-memory inputs and outputs in place of its sources and
/// sinks, and virtual processing time. Every read first flushes the pipeline (a marker travels
/// from every input to every output), so assertions never need sleeps.
/// </summary>
/// <example>
/// <code>
/// using var driver = new PipelineTestDriver(MyPipeline.Build());
/// driver.Input&lt;Click&gt;("clicks").Push(new Click("ann", "/"), 1_000).AdvanceWatermark(60_000);
/// var counts = driver.Output&lt;WindowResult&lt;string, long&gt;&gt;("counts").ReadValues();
/// </code>
/// </example>
public sealed class PipelineTestDriver : IDisposable
{
    private static readonly Config QuietConfig = ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING");
    private readonly ActorSystem _system;
    private readonly Dictionary<string, object> _inputs = new();
    private readonly Dictionary<string, object> _outputs = new();
    private readonly RunningPipeline _running;

    // The input the test used last; "*" after an operation on every input. Switching inputs
    // flushes first: separate inputs are separate streams, and without it their interleaving
    // would depend on thread timing instead of on the order of the test's calls.
    private string? _lastInput;

    public PipelineTestDriver(PipelineDefinition definition, long startProcessingTime = 0, StreamlineSettings? settings = null)
    {
        Definition = definition;
        Clock = new VirtualClock(startProcessingTime);
        var sourceOverrides = new Dictionary<string, object>();
        var sinkOverrides = new Dictionary<string, object>();
        foreach (var node in definition.Nodes)
        {
            if (node.IsSource) sourceOverrides[node.Name] = CreateInput(node);
            if (node.IsSink) sinkOverrides[node.Name] = CreateOutput(node);
        }
        _system = ActorSystem.Create($"test-{definition.Name}", QuietConfig);
        _running = LocalRunner.Run(definition, _system, new RunOptions
        {
            Clock = Clock,
            Settings = settings ?? StreamlineSettings.Create(),
            SourceOverrides = sourceOverrides,
            SinkOverrides = sinkOverrides,
        });
    }

    public PipelineDefinition Definition { get; }

    /// <summary>Processing time as operators see it; moves only with <see cref="AdvanceProcessingTime"/>.</summary>
    public VirtualClock Clock { get; }

    public TestInput<T> Input<T>(string sourceName) =>
        _inputs.TryGetValue(sourceName, out var input)
            ? input as TestInput<T> ?? throw new ArgumentException($"source '{sourceName}' produces {input.GetType().GetGenericArguments()[0].Name}, not {typeof(T).Name}")
            : throw new ArgumentException($"pipeline '{Definition.Name}' has no source named '{sourceName}'; sources: {string.Join(", ", _inputs.Keys)}");

    public TestOutput<T> Output<T>(string sinkName) =>
        _outputs.TryGetValue(sinkName, out var output)
            ? output as TestOutput<T> ?? throw new ArgumentException($"sink '{sinkName}' consumes {output.GetType().GetGenericArguments()[0].Name}, not {typeof(T).Name}")
            : throw new ArgumentException($"pipeline '{Definition.Name}' has no sink named '{sinkName}'; sinks: {string.Join(", ", _outputs.Keys)}");

    /// <summary>Dead letters the pipeline does not route to a sink of its own.</summary>
    public IReadOnlyList<DeadLetter> UnhandledDeadLetters
    {
        get
        {
            Flush();
            return _running.RecentDeadLetters;
        }
    }

    /// <summary>Advances the watermark of every input.</summary>
    public void AdvanceWatermark(long timestamp)
    {
        BeforeUse(AllInputs);
        foreach (var source in _running.Sources.Values) source.InjectSignal(new Watermark(timestamp)).GetAwaiter().GetResult();
    }

    /// <summary>Moves processing time forward and fires the processing-time timers that became due.</summary>
    public void AdvanceProcessingTime(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "time only moves forward");
        Flush();
        Clock.AdvanceTo(Clock.Now + (long)by.TotalMilliseconds);
        var advance = new ProcessingTimeAdvance(Clock.Now);
        foreach (var source in _running.Sources.Values) source.InjectSignal(advance).GetAwaiter().GetResult();
        Flush();
    }

    /// <summary>The value state <paramref name="stateName"/> of <paramref name="key"/> in operator <paramref name="operatorName"/>.</summary>
    public bool TryGetState<K, V>(string operatorName, string stateName, K key, out V value) where K : notnull
    {
        Flush();
        foreach (var backend in _running.StateOf(operatorName))
            if (backend is KeyedStateBackend<K> typed && typed.TryGetValue(stateName, key, out value)) return true;
        if (_running.StateOf(operatorName).Count == 0 && !Definition.Nodes.Any(n => n.Name == operatorName))
            throw new ArgumentException($"pipeline '{Definition.Name}' has no operator named '{operatorName}'");
        value = default!;
        return false;
    }

    /// <summary>How many entries operator <paramref name="operatorName"/> holds in keyed state (windows, values, timers).</summary>
    public long StateEntries(string operatorName)
    {
        Flush();
        return _running.StateOf(operatorName).Sum(b => b.Tables.Sum(t => t.Count));
    }

    /// <summary>Waits until everything pushed so far has reached every output.</summary>
    public void Flush()
    {
        _running.FlushAsync().GetAwaiter().GetResult();
        _lastInput = null;
    }

    private const string AllInputs = "*";

    private void BeforeUse(string input)
    {
        if (_lastInput is not null && (_lastInput != input || input == AllInputs)) Flush();
        _lastInput = input;
    }

    public void Dispose()
    {
        _running.Stop();
        _system.Terminate().Wait(TimeSpan.FromSeconds(10));
    }

    private object CreateInput(LogicalNode node)
    {
        var type = node.GetType().GetGenericArguments()[0];
        return typeof(PipelineTestDriver).GetMethod(nameof(CreateTypedInput), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(type).Invoke(this, new object[] { node })!;
    }

    private object CreateTypedInput<T>(SourceNode<T> node)
    {
        var input = new TestInput<T>(node.Name, BeforeUse);
        _inputs[node.Name] = input;
        return new TestSource<T>(node.Definition.WatermarkStrategy, input.Attach);
    }

    private object CreateOutput(LogicalNode node)
    {
        var type = node.GetType().GetGenericArguments()[0];
        return typeof(PipelineTestDriver).GetMethod(nameof(CreateTypedOutput), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(type).Invoke(this, new object[] { node })!;
    }

    private object CreateTypedOutput<T>(SinkNode<T> node)
    {
        var output = new TestOutput<T>(node.Name, this);
        _outputs[node.Name] = output;
        return output.Sink;
    }
}
