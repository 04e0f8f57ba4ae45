using System.Diagnostics;
using Streamline.Core.Records;

namespace Streamline.Runtime.Tasks;

/// <summary>
/// Counters one task's exchange stages update from their own threads and its entity reads for
/// status reports: records in and out, time outputs waited for credits, and watermarks.
/// </summary>
public sealed class TaskMetrics
{
    private readonly object _gate = new();
    private readonly List<long> _inputWatermarks = new();
    private long _recordsIn;
    private long _recordsOut;
    private long _backpressuredTicks;
    private readonly List<long> _starvedSince = new();
    private long _outputWatermark = long.MinValue;

    public long RecordsIn => Interlocked.Read(ref _recordsIn);

    public long RecordsOut => Interlocked.Read(ref _recordsOut);

    /// <summary>Total time (Stopwatch ticks) outputs spent without credit (their receiver full), including ongoing waits.</summary>
    public long BackpressuredTicks
    {
        get
        {
            lock (_gate)
            {
                var now = Now;
                return _backpressuredTicks + _starvedSince.Where(s => s != 0).Sum(s => now - s);
            }
        }
    }

    /// <summary>Outputs currently without credit.</summary>
    public int BlockedOutputs
    {
        get
        {
            lock (_gate) return _starvedSince.Count(s => s != 0);
        }
    }

    /// <summary>The watermark this task last forwarded, or (a task without outputs) the minimum over its inputs.</summary>
    public long Watermark
    {
        get
        {
            lock (_gate)
            {
                if (_starvedSince.Count > 0 || _inputWatermarks.Count == 0) return _outputWatermark;
                return _inputWatermarks.Min();
            }
        }
    }

    public void AddIn(long records) => Interlocked.Add(ref _recordsIn, records);

    public void AddOut(long records) => Interlocked.Add(ref _recordsOut, records);

    /// <summary>Output <paramref name="slot"/> ran out of credit.</summary>
    public void Starved(int slot)
    {
        lock (_gate)
            if (_starvedSince[slot] == 0) _starvedSince[slot] = Now;
    }

    /// <summary>Output <paramref name="slot"/> got credit again.</summary>
    public void Credited(int slot)
    {
        lock (_gate)
        {
            if (_starvedSince[slot] == 0) return;
            _backpressuredTicks += Now - _starvedSince[slot];
            _starvedSince[slot] = 0;
        }
    }

    /// <summary>An input channel joins; returns its slot for <see cref="InputWatermark"/>.</summary>
    public int RegisterInput()
    {
        lock (_gate)
        {
            _inputWatermarks.Add(long.MinValue);
            return _inputWatermarks.Count - 1;
        }
    }

    /// <summary>An output channel joins; returns its slot for <see cref="Starved"/> and <see cref="Credited"/>.</summary>
    public int RegisterOutput()
    {
        lock (_gate)
        {
            _starvedSince.Add(0);
            return _starvedSince.Count - 1;
        }
    }

    public void InputWatermark(int slot, long watermark)
    {
        lock (_gate) _inputWatermarks[slot] = Math.Max(_inputWatermarks[slot], watermark);
    }

    public void OutputWatermark(long watermark)
    {
        lock (_gate) _outputWatermark = Math.Max(_outputWatermark, watermark);
    }

    /// <summary>Counts what <paramref name="element"/> carries: records, or the watermark it holds.</summary>
    internal static long RecordsOf<T>(StreamElement<T> element, out long? watermark)
    {
        watermark = null;
        switch (element)
        {
            case RecordBatch<T> batch:
                return batch.Count;
            case ControlElement<T> { Signal: Watermark wm }:
                watermark = wm.Timestamp;
                return 0;
            default:
                return 0;
        }
    }

    internal static long Now => Stopwatch.GetTimestamp();
}
