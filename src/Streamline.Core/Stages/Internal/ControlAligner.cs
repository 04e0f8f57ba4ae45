using Streamline.Core.Records;
using Streamline.Core.Time;

namespace Streamline.Core.Stages.Internal;

/// <summary>
/// Aligns control signals across the inputs of a multi-input stage: watermarks combine to the
/// minimum; barriers, flush markers and time advances are released once every open input
/// delivered them, and an input that delivered one is blocked (not pulled) until then — the
/// aligned-barrier scheme of Chandy–Lamport snapshots.
/// </summary>
internal sealed class ControlAligner
{
    private readonly WatermarkAligner _watermarks;
    private readonly bool[] _blocked;
    private readonly bool[] _finished;
    private ControlSignal? _pending;
    private bool _idle;

    public ControlAligner(int inputs)
    {
        _watermarks = new WatermarkAligner(inputs);
        _blocked = new bool[inputs];
        _finished = new bool[inputs];
    }

    public bool IsBlocked(int input) => _blocked[input];

    /// <summary>Handles a signal from <paramref name="input"/>; returns the signals to emit downstream.</summary>
    public IEnumerable<ControlSignal> OnSignal(int input, ControlSignal signal)
    {
        switch (signal)
        {
            case Watermark wm:
                if (_watermarks.Update(input, wm.Timestamp)) yield return new Watermark(_watermarks.Current);
                foreach (var s in IdleChange()) yield return s;
                break;
            case IdleStatus idle:
                if (_watermarks.SetIdle(input, idle.Idle)) yield return new Watermark(_watermarks.Current);
                foreach (var s in IdleChange()) yield return s;
                break;
            default:
                if (_pending is not null && _pending != signal)
                    throw new InvalidOperationException($"input {input} delivered {signal} while {_pending} is still being aligned; control signals must arrive in the same order on every input");
                _pending = signal;
                _blocked[input] = true;
                if (TryRelease() is { } released) yield return released;
                break;
        }
    }

    /// <summary>An input finished: it no longer holds back watermarks or alignment.</summary>
    public IEnumerable<ControlSignal> OnFinished(int input)
    {
        _finished[input] = true;
        _blocked[input] = true;
        if (_watermarks.Update(input, long.MaxValue) && _watermarks.Current != long.MaxValue) yield return new Watermark(_watermarks.Current);
        if (_pending is not null && TryRelease() is { } released) yield return released;
    }

    private ControlSignal? TryRelease()
    {
        for (var i = 0; i < _blocked.Length; i++)
            if (!_blocked[i]) return null;
        var released = _pending;
        _pending = null;
        for (var i = 0; i < _blocked.Length; i++) _blocked[i] = _finished[i];
        return released;
    }

    private IEnumerable<ControlSignal> IdleChange()
    {
        var idle = _watermarks.AllIdle;
        if (idle == _idle) yield break;
        _idle = idle;
        yield return new IdleStatus(idle);
    }
}
