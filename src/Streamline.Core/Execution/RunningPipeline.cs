using System.Collections.Concurrent;
using Streamline.Core.Records;
using Streamline.Core.Sinks;
using Streamline.Core.Sources;
using Streamline.Core.State;

namespace Streamline.Core.Execution;

/// <summary>A pipeline running in this process: stop it, wait for it, flush it, inspect its state.</summary>
public sealed class RunningPipeline : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ISourceControl> _sources = new();
    private readonly ConcurrentDictionary<string, ISinkControl> _sinks = new();
    private readonly ConcurrentDictionary<string, List<IKeyedStateBackend>> _state = new();
    private readonly ConcurrentQueue<DeadLetter> _recentDeadLetters = new();
    private readonly Dictionary<long, (HashSet<string> Pending, TaskCompletionSource Done)> _flushes = new();
    private readonly object _gate = new();
    private readonly int _keepDeadLetters;
    private long _flushSequence;
    private long _deadLetters;

    internal RunningPipeline(string name, IReadOnlyCollection<string> terminals, int keepDeadLetters)
    {
        Name = name;
        Terminals = terminals;
        _keepDeadLetters = keepDeadLetters;
    }

    public string Name { get; }

    /// <summary>Every stage that ends a path of the graph (sinks, plus default sinks for unconsumed outputs).</summary>
    internal IReadOnlyCollection<string> Terminals { get; }

    /// <summary>Completes when every sink finished; faults when the pipeline fails.</summary>
    public Task Completion { get; internal set; } = Task.CompletedTask;

    public IReadOnlyDictionary<string, ISourceControl> Sources => _sources;

    public IReadOnlyDictionary<string, ISinkControl> Sinks => _sinks;

    /// <summary>Dead letters nobody consumed (they were logged).</summary>
    public long UnhandledDeadLetters => Interlocked.Read(ref _deadLetters);

    public IReadOnlyList<DeadLetter> RecentDeadLetters => _recentDeadLetters.ToArray();

    /// <summary>The keyed state backends of an operator's instances (checkpoints, harness, diagnostics).</summary>
    public IReadOnlyList<IKeyedStateBackend> StateOf(string operatorName) =>
        _state.TryGetValue(operatorName, out var list) ? list : Array.Empty<IKeyedStateBackend>();

    /// <summary>
    /// Sends a flush marker through every source and waits until it has reached every sink:
    /// afterwards every record offered before the call has been fully processed.
    /// </summary>
    public async Task FlushAsync(TimeSpan? timeout = null)
    {
        TaskCompletionSource done;
        long sequence;
        lock (_gate)
        {
            sequence = ++_flushSequence;
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushes[sequence] = (new HashSet<string>(Terminals), done);
        }
        var marker = new FlushMarker(sequence);
        await Task.WhenAll(_sources.Values.Select(s => s.InjectSignal(marker))).ConfigureAwait(false);
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var finished = await Task.WhenAny(done.Task, Completion, Task.Delay(limit)).ConfigureAwait(false);
        if (finished == done.Task) return;
        if (Completion.IsFaulted) await Completion.ConfigureAwait(false);
        if (Completion.IsCompleted) return;
        throw new TimeoutException($"pipeline '{Name}': flush {sequence} did not reach every sink within {limit} (waiting for {string.Join(", ", PendingFlush(sequence))})");
    }

    /// <summary>Stops every source; the pipeline completes once in-flight records are written.</summary>
    public void Stop()
    {
        foreach (var source in _sources.Values) source.Stop();
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        try { await Completion.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false); }
        catch (Exception) { /* disposal must not throw; failures were observable through Completion */ }
    }

    internal void RegisterSource(string name, ISourceControl control) => _sources[name] = control;

    internal void RegisterSink(string name, ISinkControl control) => _sinks[name] = control;

    internal void RegisterState(string operatorName, IKeyedStateBackend backend) =>
        _state.AddOrUpdate(operatorName, _ => new List<IKeyedStateBackend> { backend }, (_, list) => { lock (list) list.Add(backend); return list; });

    internal void OnSignalCompleted(string terminal, ControlSignal signal)
    {
        if (signal is not FlushMarker marker) return;
        lock (_gate)
        {
            if (!_flushes.TryGetValue(marker.Sequence, out var flush)) return;
            flush.Pending.Remove(terminal);
            if (flush.Pending.Count > 0) return;
            _flushes.Remove(marker.Sequence);
            flush.Done.TrySetResult();
        }
    }

    internal void OnUnhandledDeadLetter(DeadLetter letter)
    {
        Interlocked.Increment(ref _deadLetters);
        _recentDeadLetters.Enqueue(letter);
        while (_recentDeadLetters.Count > _keepDeadLetters && _recentDeadLetters.TryDequeue(out _)) { }
    }

    private IEnumerable<string> PendingFlush(long sequence)
    {
        lock (_gate) return _flushes.TryGetValue(sequence, out var f) ? f.Pending.ToArray() : Array.Empty<string>();
    }
}
