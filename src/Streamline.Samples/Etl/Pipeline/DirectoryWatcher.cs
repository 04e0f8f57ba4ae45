using System.Collections;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using Streamline.Core.Sources;

namespace Streamline.Samples.Etl.Pipeline;

/// <summary>
/// The record supply of one <see cref="WatchedDirectorySource"/> instance: a timer thread lists the directory and
/// queues unseen completed files; the stream thread enumerates their lines. <see cref="MoveNext"/> returning false
/// means "nothing yet", not the end: after queueing files the timer offers an empty batch to the stage, which makes
/// it ask again. Single use: the stage takes the enumerator once and disposes it when it stops.
/// </summary>
internal sealed class DirectoryWatcher(string directory, TimeSpan pollInterval, int subtask, int parallelism) : IEnumerable<string>, IEnumerator<string>
{
    private static readonly IReadOnlyList<(string, long?)> Wake = [];

    private readonly ConcurrentQueue<string> _pending = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal); // timer thread only
    private readonly object _timerGate = new();
    private EnumerableSourceControl<string>? _control;
    private Timer? _timer;
    private IEnumerator<string>? _lines;
    private volatile bool _disposed;

    public string Current { get; private set; } = "";

    object IEnumerator.Current => Current;

    public void Start(EnumerableSourceControl<string> control)
    {
        _control = control;
        lock (_timerGate)
        {
            // One-shot and re-armed after each scan, so scans never overlap.
            _timer = _disposed ? null : new Timer(_ => Scan(), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    public bool MoveNext()
    {
        while (true)
        {
            if (_lines is not null && _lines.MoveNext())
            {
                Current = _lines.Current;
                return true;
            }

            _lines?.Dispose();
            _lines = null;
            if (!_pending.TryDequeue(out var file))
            {
                return false;
            }

            _lines = FileSource.ReadLines([file]).GetEnumerator();
        }
    }

    public void Reset() => throw new NotSupportedException("a watched directory cannot be re-read from the start");

    /// <summary>Called by the stage when it stops (on the stream thread).</summary>
    public void Dispose()
    {
        StopTimer();
        _lines?.Dispose();
        _lines = null;
    }

    public IEnumerator<string> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

    private void StopTimer()
    {
        _disposed = true;
        lock (_timerGate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Scan()
    {
        try
        {
            var found = false;
            foreach (var file in Directory.EnumerateFiles(directory).Where(WatchedDirectorySource.IsCompletedFile).Order(StringComparer.Ordinal))
            {
                if (Owns(file) && _seen.Add(file))
                {
                    _pending.Enqueue(file);
                    found = true;
                }
            }

            if (found)
            {
                _ = WakeAsync();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A directory briefly unavailable (remounted, renamed back) is retried on the next scan.
        }
        finally
        {
            lock (_timerGate)
            {
                _timer?.Change(pollInterval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private async Task WakeAsync()
    {
        try
        {
            await _control!.Offer(Wake).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The stage has stopped: nothing left to wake (its own Dispose releases the open file).
            StopTimer();
        }
    }

    // A stable hash (string.GetHashCode differs per process) so a file belongs to the same instance everywhere.
    private bool Owns(string file) =>
        parallelism == 1 || XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(Path.GetFileName(file))) % (uint)parallelism == (uint)subtask;
}
